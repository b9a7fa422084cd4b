package org.atlascitoyen.mapservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.atlascitoyen.importers.directory.DirectoryImport;
import org.atlascitoyen.importers.directory.ImportRequest;
import org.atlascitoyen.importers.directory.Progress;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.WebIT;
import org.atlascitoyen.mapservice.account.SignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The rights of the people listed in the browser (headless Chromium): from the card's link to the
 * request page, the mail's confirmation page, the console's section with the request's clock, the
 * correction published, the account page's download, and the pages' accessibility (axe).
 */
class WebRightsIT extends WebIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final String ADMIN = "chef@example.org";
    private static final Pattern CONFIRM_LINK = Pattern.compile("/mes-droits\\.html#confirmer=[A-Za-z0-9_-]+");
    private static final Pattern NOT_SIGNED_IN = Pattern.compile(
            "http://localhost:\\d+/api/account - Failed to load resource: the server responded with a status of 401 .*");

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        use(registry, DATABASE);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("atlas.admin-emails", () -> ADMIN);
        registry.add("atlas.rate-limit.signin-ip", () -> "1000/PT1H");
        registry.add("atlas.rate-limit.signin-email", () -> "100/PT1H");
        registry.add("atlas.rate-limit.rights-ip", () -> "1000/PT1H");
        // The browser fills a form faster than any person (RightsRequestIT tests the fill time).
        registry.add("atlas.rights.min-fill-seconds", () -> "0");
    }

    @BeforeAll
    static void fixture() throws Exception {
        Path csv = Path.of(WebRightsIT.class.getResource("/actor/actors.csv").toURI());
        new DirectoryImport(DATABASE, Progress.Factory.silent()).run(new ImportRequest(RecordKind.ACTOR, "api-test",
                ImportRequest.Format.CSV, csv, csv.resolveSibling("actors.mapping.yaml"), false, false,
                csv.resolveSibling("actors.rejects.csv")));
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void aPersonAsksFromTheCardConfirmsByMailAndTheAdminCorrectsFromTheConsole() throws Exception {
        long id = actorId("Centre social des Izards");
        browser.open("/");
        browser.driver.manage().deleteAllCookies();
        browser.open("/#actor=" + id);
        browser.waitForPanelTitle("Centre social des Izards");
        browser.until("the card's rights link", d -> d.findElements(By.cssSelector("#panel .rights-link a")).stream().findFirst()
                .orElse(null)).click();

        browser.until("the request page", d -> d.getCurrentUrl().contains("/mes-droits.html?actor=" + id));
        browser.until("the record named", d -> d.findElement(By.id("form-record")).getText().contains("Centre social des Izards"));
        browser.find("#rights input[name=kind][value=correct]").click();
        browser.waitForVisible("#c-name").sendKeys("Centre social des Izards – Trois Cocus");
        browser.find("#message").sendKeys("Le nom a changé en 2025.");
        browser.find("#email").sendKeys("directrice@example.org");
        browser.find("#rights button[type=submit]").click();
        browser.until("the 202 told", d -> d.findElement(By.id("form-status")).getText().contains("Demande reçue"));

        browser.open(linkIn("directrice@example.org", CONFIRM_LINK));
        browser.waitForVisible("#confirm-button").click();
        browser.until("confirmed", d -> d.findElement(By.id("form-status")).getText().contains("confirmée"));
        expectOnlyRefusals();

        browser.signIn(SMTP, ADMIN);
        browser.open("/moderation.html");
        WebElement request = browser.until("the request in the console", d -> d.findElements(By.cssSelector("#rights .rights-queue > li"))
                .stream().filter(li -> li.getText().contains("Centre social des Izards")).findFirst().orElse(null));
        assertThat(request.getText()).contains("À traiter avant le").contains("Trois Cocus").contains("Le nom a changé")
                .doesNotContain("directrice@");
        request.findElements(By.tagName("button")).stream().filter(b -> b.getText().equals("Corriger la fiche")).findFirst()
                .orElseThrow().click();
        browser.until("corrected", d -> d.findElement(By.cssSelector("#rights .form-status")).getText().contains("Corrigée"));
        assertThat(get("/api/actors/" + id).body()).contains("Centre social des Izards – Trois Cocus");
    }

    @Test
    void anOverdueRequestSaysItInWordsAndTheAccountPageDownloadsMyData() throws Exception {
        long id = actorId("CPIE du Rouergue");
        try (Connection c = DriverManager.getConnection(DATABASE.url(), DATABASE.user(), DATABASE.password());
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO rights_request (kind, record_kind, record_id, record_name, status, requester_email, verified_by,"
                    + " commune, epci, departement, region, confirmed_at, due_at) SELECT 'erase', 'actor', a.id, a.name, 'open',"
                    + " 'x@example.org', 'requester', a.commune, a.epci, a.departement, a.region, now() - interval '40 days',"
                    + " now() - interval '9 days' FROM actor a WHERE a.id = " + id);
        }
        browser.signIn(SMTP, ADMIN);
        browser.open("/moderation.html");
        WebElement request = browser.until("the overdue request", d -> d.findElements(By.cssSelector("#rights .rights-queue > li.overdue"))
                .stream().findFirst().orElse(null));
        assertThat(request.getText()).contains("⚠").contains("En retard").contains("9 jours de retard").contains("CPIE du Rouergue");
        Axe.assertNoViolations(browser, "moderation.html with rights requests (admin)");

        browser.open("/compte.html");
        browser.waitForVisible("#download").click();
        Path file = browser.until("the download", d -> {
            try (var files = Files.list(browser.downloads())) {
                return files.filter(f -> f.toString().endsWith(".json")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        assertThat(Files.readString(file)).contains("\"email\":\"" + ADMIN + "\"").contains("\"roles\"");
    }

    @Test
    void theRequestPagePassesAxeAtPhoneWidth() throws Exception {
        long id = actorId("Tiers-lieu La Fabrique");
        browser.open("/");
        browser.driver.manage().deleteAllCookies();
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(375, 800));
        try {
            browser.open("/mes-droits.html?actor=" + id);
            browser.waitForVisible("#rights input[name=kind][value=correct]").click();
            browser.waitForVisible("#c-name");
            Axe.assertNoViolations(browser, "mes-droits.html (anonymous, 375 px)");
            Object overflow = browser.script("return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            assertThat(browser.find("body").getText()).doesNotContain("contact@fabrique");
        } finally {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
        expectOnlyRefusals();
    }

    private static void expectOnlyRefusals() {
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

    private static long actorId(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(DATABASE.url(), DATABASE.user(), DATABASE.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM actor WHERE name = '" + name.replace("'", "''") + "'")) {
            assertThat(rs.next()).as(name).isTrue();
            return rs.getLong(1);
        }
    }
}
