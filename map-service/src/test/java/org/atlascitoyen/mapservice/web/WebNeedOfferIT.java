package org.atlascitoyen.mapservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.WebIT;
import org.atlascitoyen.mapservice.account.SignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The page of needs and offers in headless Chromium: a signed-in account posts an announcement
 * (perimeter chosen among real territories, a skill, a title holding markup), a coordinator
 * approves it through the API, it is then listed at {@code /api/needs-offers}, and the page lists
 * it as published with its title as text; its author closes it from there.
 */
@DirtiesContext
class WebNeedOfferIT extends WebIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String EMAIL = "camille.annonce@example.org";
    private static final String TITLE = "Cherche <b>bénévoles</b> pour la fête";

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        use(registry, DATABASE);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("atlas.rate-limit.signin-ip", () -> "1000/PT1H");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void anAccountPostsAnAnnouncementWhichIsApprovedListedAndClosed() throws Exception {
        browser.signIn(SMTP, EMAIL);
        browser.open("/annonce.html");
        browser.waitForVisible("#title");
        Axe.assertNoViolations(browser, "annonce.html (signed in)");
        new Select(browser.find("#nature")).selectByValue("need");
        browser.find("#title").sendKeys(TITLE);
        new Select(browser.find("#resource")).selectByValue("benevoles");
        browser.find("#theme-culture").click();
        browser.find("#skill-logistique").click();
        browser.find("#description").sendKeys("Montage des stands le samedi matin.");
        browser.choose("#perimeter-search", "Toulouse", "Toulouse (Commune");
        browser.find("#authorName").sendKeys("Comité de quartier");
        browser.find("form.contribute-form button[type=submit]").click();
        browser.until("the 202 told", d -> d.findElement(By.cssSelector("#need-offer [role=status]")).getText()
                .contains("attend la validation"));
        browser.until("listed as waiting", d -> browser.find("#my-needs-offers").getText().contains("En attente de validation"));

        long contribution = Long.parseLong(row("SELECT id FROM contribution WHERE record_kind = 'need_offer'")[0]);
        assertThat(row("SELECT payload ->> 'perimeter' FROM contribution WHERE id = " + contribution)[0]).contains("commune:31555");
        assertThat(row("SELECT payload ->> 'skills' FROM contribution WHERE id = " + contribution)[0]).contains("logistique");

        SignIn.grantCoordinator(DATABASE, "coord.web.annonces@example.org", "commune", "31555");
        SignIn.Session coordinator = SignIn.as(port, SignIn.mailbox(SMTP), "coord.web.annonces@example.org");
        HttpResponse<String> decided = HTTP.send(coordinator.with(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/moderation/items/" + contribution + "/decision")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"approve\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        long id = json(decided).get("recordId").asLong();

        JsonNode list = json(get("/api/needs-offers?format=json"));
        assertThat(list.get("items").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(list.get("items").get(0).get("name").asString()).isEqualTo(TITLE);
        assertThat(list.toString()).contains("Comité de quartier").doesNotContain(EMAIL);

        browser.open("/annonce.html");
        browser.until("listed as published", d -> browser.find("#my-needs-offers").getText().contains("Publiée"));
        WebElement mine = browser.find("#my-announcements");
        assertThat(mine.getText()).contains(TITLE);
        assertThat(mine.findElements(By.tagName("b"))).as("the title is text, not markup").isEmpty();
        mine.findElement(By.xpath(".//button[text()='Clore']")).click();
        browser.driver.switchTo().alert().accept();
        browser.until("listed as closed", d -> browser.find("#my-needs-offers").getText().contains("Close"));
        assertThat(json(get("/api/needs-offers?format=json")).get("items").size()).isZero();
    }

    private static String[] row(String sql) throws SQLException {
        try (Connection connection = DATABASE.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            if (!rs.next()) {
                return new String[] {null};
            }
            String[] values = new String[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rs.getString(i + 1);
            }
            return values;
        }
    }
}
