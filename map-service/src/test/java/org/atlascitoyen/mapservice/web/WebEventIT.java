package org.atlascitoyen.mapservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.WebIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The page to propose an event in headless Chromium: a signed-in person fills it (type, theme,
 * a local start read in Europe/Paris, a commune chosen among the real territories), and the
 * proposal waits in the moderation queue with what was typed; signed out, the page asks to sign in.
 */
@DirtiesContext
class WebEventIT extends WebIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final String EMAIL = "dominique.agenda@example.org";

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
    void aSignedInPersonProposesAnEvent() throws Exception {
        // A page without the map sets the origin (the map's basemap tiles would fail offline in the console).
        browser.open("/charte.html");
        browser.driver.manage().deleteAllCookies();
        browser.driver.manage().logs().get(LogType.BROWSER); // what earlier tests of this browser left
        browser.open("/evenement.html");
        browser.until("asked to sign in", d -> browser.find("#event").getText().contains("Connectez-vous"));
        // Signed out, GET /api/account answers 401, which the console reports: expected here, read and dropped.
        assertThat(browser.driver.manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
                .allMatch(m -> m.contains("/api/account") && m.contains("401"));

        browser.signIn(SMTP, EMAIL);
        browser.open("/evenement.html");
        browser.waitForVisible("#name");
        Axe.assertNoViolations(browser, "evenement.html (signed in)");
        browser.find("#name").sendKeys("Atelier <b>compost</b>");
        new Select(browser.find("#eventType")).selectByValue("atelier");
        browser.find("#theme-alimentation").click();
        browser.find("#description").sendKeys("Apportez vos épluchures.");
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = '2027-05-15T10:00'", browser.find("#startsAt"));
        browser.find("#placeName").sendKeys("Jardin partagé");
        browser.choose("#commune-search", "Toulouse", "Toulouse (31");
        browser.find("form.contribute-form button[type=submit]").click();
        browser.until("the 202 told", d -> browser.find("#event-status").getText().contains("attend la validation"));

        String[] proposal = row("SELECT c.status, c.payload ->> 'name', c.payload ->> 'startsAt', c.payload ->> 'commune', c.epci"
                + " FROM contribution c JOIN account a ON a.id = c.author_account_id WHERE c.record_kind = 'event' AND a.email = '"
                + EMAIL + "'");
        assertThat(proposal).containsExactly("pending", "Atelier <b>compost</b>", "2027-05-15T10:00", "31555", "243100518");
        assertThat(browser.findAll("#event b")).as("what was typed stays text").isEmpty();
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
