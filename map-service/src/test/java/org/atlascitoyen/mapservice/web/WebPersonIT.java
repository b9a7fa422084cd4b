package org.atlascitoyen.mapservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.WebIT;
import org.atlascitoyen.mapservice.moderation.Decision;
import org.atlascitoyen.mapservice.moderation.ModerationService;
import org.atlascitoyen.mapservice.moderation.Moderator;
import org.atlascitoyen.mapservice.person.PersonProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The resource person's page in headless Chromium: a signed-in person fills it (perimeter chosen
 * among real territories, a members-only description, the consent checkbox with its wording
 * shown), the proposal and its consent are stored; once approved, the map's card shows the
 * perimeter, and the members-only value to a signed-in visitor, with the name as text.
 */
@DirtiesContext
class WebPersonIT extends WebIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final String EMAIL = "claude.ressource@example.org";

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
    void aPersonSignsUpWithConsentAndTheirCardShowsThePerimeter() throws Exception {
        browser.signIn(SMTP, EMAIL);
        browser.open("/personne-ressource.html");
        browser.waitForVisible("#name");
        Axe.assertNoViolations(browser, "personne-ressource.html (signed in)");
        browser.find("#name").sendKeys("Claude <b>Ressource</b>");
        new Select(browser.find("#role")).selectByValue("referent");
        browser.find("#theme-participation_citoyenne").click();
        browser.find("#description").sendKeys("Permanence le mardi.");
        new Select(browser.find("#visibility-description")).selectByValue("members");
        browser.choose("#commune-search", "Toulouse", "Toulouse (Commune");
        browser.choose("#perimeter-search", "toulouse metropole", "Toulouse Métropole (EPCI");
        assertThat(browser.find(".consent-wording").getText()).isEqualTo(PersonProperties.WORDING);
        browser.find("#consent").click();
        browser.find("form.contribute-form button[type=submit]").click();
        browser.until("the 202 told", d -> d.findElement(By.cssSelector("#person [role=status]")).getText()
                .contains("attend la validation"));

        String[] consent = row("SELECT c.wording, c.wording_version, c.form FROM person_consent c JOIN account a ON a.id = c.account_id"
                + " WHERE a.email = '" + EMAIL + "'");
        assertThat(consent[0]).isEqualTo(PersonProperties.WORDING);
        assertThat(consent[1]).isEqualTo("2026-12");
        assertThat(consent[2]).contains("personne-ressource.html");
        long contribution = Long.parseLong(row("SELECT id FROM contribution WHERE record_kind = 'person'")[0]);
        assertThat(row("SELECT payload ->> 'perimeter' FROM contribution WHERE id = " + contribution)[0]).contains("epci:243100518");

        long admin = Long.parseLong(row("INSERT INTO account (email) VALUES ('admin.web@example.org') RETURNING id")[0]);
        long id = moderation.decide(new Moderator(admin, true, List.of()), contribution, new Decision("approve", null, null)).recordId();

        browser.open("/#person=" + id);
        browser.waitForPanelTitle("Claude <b>Ressource</b>");
        WebElement panel = browser.find("#panel");
        browser.until("the perimeter", d -> panel.getText().contains("Périmètre couvert"));
        assertThat(panel.getText()).contains("Toulouse Métropole", "Personne ressource · Référent·e",
                "Permanence le mardi. (visible des membres connectés)").doesNotContain(EMAIL);
        assertThat(panel.findElements(By.tagName("b"))).as("the name is text, not markup").isEmpty();
        Axe.assertNoViolations(browser, "a person's card (signed in)");

        // The map's coverage mode: communes by the persons covering them, the rest zones blanches.
        browser.open("/#mode=coverage&level=persons&territory=departement:31");
        browser.until("the persons' coverage drawn", d -> "ready".equals(browser.find("#map").getDomAttribute("data-coverage")));
        assertThat(browser.find(".coverage-legend").getText()).contains("Personnes ressources couvrant chaque commune")
                .contains("Zone blanche");
        int communes = Integer.parseInt(row("SELECT count(*) FROM commune WHERE departement = '31'")[0]);
        int covered = Integer.parseInt(row("SELECT count(*) FROM commune WHERE epci = '243100518'")[0]);
        assertThat(browser.findAll(".leaflet-coverage-pane path.zone-blanche")).as("the communes outside Toulouse Métropole")
                .hasSize(communes - covered);

        browser.driver.manage().deleteAllCookies();
        browser.open("/#person=" + id);
        browser.until("the card again, anonymous", d -> browser.find("#panel").getText().contains("Périmètre couvert"));
        assertThat(browser.find("#panel").getText()).doesNotContain("Permanence le mardi");
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
