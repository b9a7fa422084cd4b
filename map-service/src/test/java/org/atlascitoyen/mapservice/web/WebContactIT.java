package org.atlascitoyen.mapservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.WebIT;
import org.atlascitoyen.mapservice.account.SignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The contact relay and the "Données personnelles" page in the browser (headless Chromium), at
 * phone width: "Contacter" on the card, the form, the sender's confirmation page, the mail at the
 * recipient's private address (GreenMail), and the page stating the settings in force.
 */
@DirtiesContext
class WebContactIT extends WebIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Pattern CONFIRM_LINK = Pattern.compile("/contact-confirmer\\.html#[A-Za-z0-9_-]+");
    private static final Pattern NOT_SIGNED_IN = Pattern.compile(
            "http://localhost:\\d+/api/account - Failed to load resource: the server responded with a status of 401 .*");
    private static long actor;

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        use(registry, DATABASE);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        // The browser fills a form faster than any person (ContactRelayIT tests the fill time).
        registry.add("atlas.contact.min-fill-seconds", () -> "0");
        registry.add("atlas.retention.relay-text-days", () -> "12");
    }

    @BeforeAll
    static void fixture() throws Exception {
        try (Connection c = DriverManager.getConnection(DATABASE.url(), DATABASE.user(), DATABASE.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("INSERT INTO actor (name, name_search, type, geom, precision, commune, email) VALUES "
                     + "('Maison du vélo', 'maison du velo', 'association', ST_SetSRID(ST_MakePoint(1.44, 43.6), 4326), 'commune',"
                     + " '31555', 'secret-velo@private.example') RETURNING id")) {
            rs.next();
            actor = rs.getLong(1);
        }
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void anAnonymousVisitorWritesFromTheCardConfirmsAndTheMessageArrives() throws Exception {
        browser.open("/");
        browser.driver.manage().deleteAllCookies();
        browser.driver.manage().window().setSize(new Dimension(375, 812));
        browser.open("/#actor=" + actor);
        browser.waitForPanelTitle("Maison du vélo");
        assertThat(browser.panelText()).doesNotContain("secret-velo");
        browser.waitForVisible("#panel a[href^='contacter.html']").click();

        browser.waitForVisible("#c-senderName").sendKeys("Zoé");
        Axe.assertNoViolations(browser, "contacter.html (anonymous, 375 px)");
        browser.find("#c-senderEmail").sendKeys("zoe@example.org");
        browser.find("#c-message").sendKeys("<b>Bonjour</b>, vous ouvrez samedi ?");
        browser.find("#contact button[type=submit]").click();
        browser.until("the 202 told", d -> d.findElement(By.id("form-status")).getText().contains("vérifiez votre messagerie"));

        browser.open(linkIn("zoe@example.org", CONFIRM_LINK));
        browser.waitForVisible("#token-button").click();
        browser.until("sent", d -> d.findElement(By.id("token-status")).getText().contains("parti"));
        String relayed = waitForMail("secret-velo@private.example");
        assertThat(relayed).contains("Zoé", "&lt;b&gt;Bonjour&lt;/b&gt;");
        expectOnlyNotSignedIn();
    }

    @Test
    void thePrivacyPageStatesTheSettingsInForce() {
        browser.driver.manage().window().setSize(new Dimension(375, 812));
        browser.open("/donnees-personnelles.html");
        browser.until("the settings filled in", d -> d.findElement(By.cssSelector("[data-duration='relay-text']")).getText().equals("12 jours"));
        assertThat(browser.find("[data-limit='contact-pair']").getText()).isEqualTo("2 par 30 jours");
        assertThat(browser.find("[data-duration='account-inactive']").getText()).isEqualTo("24 mois");
        Axe.assertNoViolations(browser, "donnees-personnelles.html (375 px)");
        expectOnlyNotSignedIn();
    }

    private static void expectOnlyNotSignedIn() {
        List<String> errors = browser.driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
        assertThat(errors).as("console errors").allMatch(m -> NOT_SIGNED_IN.matcher(m).matches()
                || HeadlessChromium.FAILED_TILE.matcher(m).matches());
    }

    private static String linkIn(String email, Pattern pattern) throws Exception {
        Instant start = Instant.now();
        while (Duration.between(start, Instant.now()).compareTo(Browser.TIMEOUT) < 0) {
            Optional<String> mail = SignIn.mailbox(SMTP).newestTo(email);
            if (mail.isPresent()) {
                Matcher m = pattern.matcher(mail.get());
                if (m.find()) {
                    return m.group();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail with " + pattern + " to " + email);
    }

    private static String waitForMail(String email) throws Exception {
        Instant start = Instant.now();
        while (Duration.between(start, Instant.now()).compareTo(Browser.TIMEOUT) < 0) {
            Optional<String> mail = SignIn.mailbox(SMTP).newestTo(email);
            if (mail.isPresent()) {
                return mail.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail to " + email);
    }
}
