package org.atlascitoyen.mapservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Level;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.WebIT;
import org.atlascitoyen.mapservice.moderation.Decision;
import org.atlascitoyen.mapservice.moderation.ModerationService;
import org.atlascitoyen.mapservice.moderation.Moderator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The page to share a retour d'expérience in headless Chromium: anonymous, it asks to sign in;
 * signed in, it says that failures are welcome and never rated, a failure is filled in (place
 * chosen among real territories, outcome "Échec", a link), the proposal waits for a moderator, and
 * once approved the experience is listed with its name as typed.
 */
@DirtiesContext
class WebExperienceIT extends WebIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final String EMAIL = "sacha.retex@example.org";

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

    @Autowired
    ModerationService moderation;

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void aSignedInPersonSharesAFailureThatIsPublishedOnceApproved() throws Exception {
        browser.open("/retour-experience.html");
        browser.until("asked to sign in", d -> browser.find("#experience").getText().contains("Connectez-vous"));
        assertThat(browser.find("main").getText()).contains("faire des échecs une ressource sans stigmatiser");
        // Reading the console drains it: the only error expected is the 401 of GET /api/account (not signed in).
        assertThat(browser.driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage))
                .as("console errors").allMatch(m -> m.contains("/api/account") && m.contains("401"));

        browser.signIn(SMTP, EMAIL);
        browser.open("/retour-experience.html");
        browser.waitForVisible("#name");
        Axe.assertNoViolations(browser, "retour-experience.html (signed in)");
        assertThat(browser.findAll("#site-nav a[href='retour-experience.html']")).hasSize(1);
        browser.find("#name").sendKeys("Épicerie <b>solidaire</b> du bourg");
        browser.find("#description").sendKeys("Rouvrir une épicerie tenue par des bénévoles.");
        browser.find("#theme-alimentation").click();
        browser.choose("#place-search", "Lectoure", "Lectoure (Commune");
        browser.until("the place said", d -> browser.find(".place-chosen").getText().contains("Lectoure"));
        browser.find("#carriedBy").sendKeys("Le Panier du bourg");
        date("#startedOn", "2021-03-01");
        date("#endedOn", "2023-06-30");
        browser.find("#happened").sendKeys("Les bénévoles se sont épuisés en deux ans.");
        browser.find("#differently").sendKeys("Prévoir un poste salarié dès le départ.");
        browser.find("#outcome-echec").click();
        browser.find("#evidenceLinks").sendKeys("https://example.org/bilan");
        browser.find("#charter").click();
        browser.find("form.contribute-form button[type=submit]").click();
        browser.until("the 202 told", d -> browser.find("#experience").getText().contains("attend la relecture"));

        String[] proposal = row("SELECT id, payload ->> 'outcome', payload ->> 'commune', payload -> 'evidenceLinks' ->> 0, commune"
                + " FROM contribution WHERE record_kind = 'experience' AND kind = 'new' AND status = 'pending'");
        assertThat(proposal[1]).isEqualTo("echec");
        assertThat(proposal[2]).isEqualTo("32208");
        assertThat(proposal[3]).isEqualTo("https://example.org/bilan");
        assertThat(proposal[4]).as("in the queue of Lectoure's coordinators").isEqualTo("32208");

        long admin = Long.parseLong(row("INSERT INTO account (email) VALUES ('admin.web.retex@example.org') RETURNING id")[0]);
        long id = moderation.decide(new Moderator(admin, true, List.of()), Long.parseLong(proposal[0]),
                new Decision("approve", null, null)).recordId();
        String list = get("/api/experiences?outcome=echec&format=json").body();
        assertThat(list).contains("\"id\":" + id).contains("Épicerie <b>solidaire</b> du bourg")
                .contains("Prévoir un poste salarié dès le départ.");
    }

    /** Sets a date input (its value is locale-free through script, whatever the browser's date widget). */
    private void date(String input, String value) {
        WebElement element = browser.find(input);
        browser.driver.executeScript("arguments[0].value = arguments[1]", element, value);
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
