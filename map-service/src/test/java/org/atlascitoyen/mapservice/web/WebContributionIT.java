package org.atlascitoyen.mapservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.logging.Level;
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
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The write side in the browser (headless Chromium, {@link Browser}), on a database of its own
 * with the actor fixture and a real SMTP server (GreenMail): the issue's "done when" path from an
 * anonymous proposal to the map, the change and report forms' requests, the console's refusal of
 * a non-coordinator, and the new pages' accessibility at phone width.
 */
class WebContributionIT extends WebIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final String ADMIN = "chef@example.org";
    private static final Pattern CONFIRM_LINK = Pattern.compile("/confirmer\\.html#[A-Za-z0-9_-]+");
    /** What Chromium logs for the 401 of GET /api/account that the write side's pages get when nobody is signed in. */
    private static final Pattern NOT_SIGNED_IN = Pattern.compile(
            "http://localhost:\\d+/api/account - Failed to load resource: the server responded with a status of 401 .*");
    private static final Pattern REFUSED_CONTRIBUTION = Pattern.compile(
            "http://localhost:\\d+/api/contributions - Failed to load resource: the server responded with a status of 400 .*");

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        use(registry, DATABASE);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("atlas.admin-emails", () -> ADMIN);
        // Every request comes from 127.0.0.1 and the same few addresses: room for all the tests.
        registry.add("atlas.rate-limit.signin-ip", () -> "1000/PT1H");
        registry.add("atlas.rate-limit.signin-email", () -> "100/PT1H");
        registry.add("atlas.rate-limit.contribution-ip", () -> "1000/PT1H");
        registry.add("atlas.rate-limit.report-ip", () -> "1000/PT1H");
        // The browser fills a form faster than any person (ContributionApiIT tests the fill time).
        registry.add("atlas.contribution.min-fill-seconds", () -> "0");
    }

    @BeforeAll
    static void fixture() throws Exception {
        Path csv = Path.of(WebContributionIT.class.getResource("/actor/actors.csv").toURI());
        new DirectoryImport(DATABASE, Progress.Factory.silent()).run(new ImportRequest(RecordKind.ACTOR, "api-test",
                ImportRequest.Format.CSV, csv, csv.resolveSibling("actors.mapping.yaml"), false, false,
                csv.resolveSibling("actors.rejects.csv")));
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void anAnonymousProposalIsConfirmedApprovedByTheEpciCoordinatorAndShownOnTheMap() throws Exception {
        browser.open("/");
        browser.driver.manage().deleteAllCookies();
        browser.open("/");
        browser.waitForVisible("#site-nav a[href='proposer.html']").click();

        // Propose an actor anonymously, placed in the commune of Toulouse.
        browser.waitForVisible("#f-name").sendKeys("Repair café des Minimes");
        new Select(browser.find("#f-type")).selectByIndex(1);
        browser.find("#contribution input[name=themes]").click();
        browser.find("#f-description").sendKeys("On répare ensemble, le samedi.");
        browser.find("#f-website").sendKeys("https://repair-minimes.example.org");
        chooseInSearch("#place-search-input", "Toulouse", "Toulouse");
        browser.until("the commune chosen", d -> d.findElement(By.cssSelector(".place-chosen")).getText().contains("31555"));
        browser.find("#charter").click();
        browser.find("#email").sendKeys("anonyme@example.org");
        browser.find("#contribution button[type=submit]").click();
        browser.until("the 202 told", d -> d.findElement(By.id("form-status")).getText().contains("Vérifiez votre messagerie"));

        // Confirm with the mail's link: the page's button posts the token.
        browser.open(linkIn("anonyme@example.org", CONFIRM_LINK));
        browser.waitForVisible("#confirm-button").click();
        browser.until("confirmed", d -> d.findElement(By.id("confirm-status")).getText().contains("confirmée"));
        expectOnlyRefusals();

        // The admin signs in, makes themself coordinator of Toulouse Métropole, and approves.
        browser.signIn(SMTP, ADMIN);
        browser.open("/moderation.html");
        browser.waitForVisible("#admin");
        browser.find("#grant-email").sendKeys(ADMIN);
        chooseInSearch("#grant-territory", "Toulouse Metropole", "Toulouse Métropole");
        browser.find(".grant-form button[type=submit]").click();
        browser.until("the role granted", d -> d.findElement(By.cssSelector(".role-list")).getText().contains("Toulouse Métropole"));
        browser.until("the territory listed as mine", d -> d.findElement(By.id("territory-list")).getText().contains("Toulouse Métropole"));

        WebElement entry = browser.until("the proposal in the queue", d -> d.findElements(By.cssSelector("#queue-list .queue-open")).stream()
                .filter(b -> b.getText().contains("Repair café des Minimes")).findFirst().orElse(null));
        entry.click();
        WebElement diff = browser.waitForVisible("#item table.diff");
        assertThat(diff.getText()).contains("Nom", "Repair café des Minimes", "modifié", "Site web");
        assertThat(browser.findAll("#item tr.changed")).isNotEmpty();
        clickButton("#item", "Prendre en charge");
        browser.until("the lock", d -> d.findElement(By.cssSelector("#item .item-meta")).getText().contains("Vous la traitez"));
        clickButton("#item", "Approuver");
        browser.until("approved", d -> d.findElement(By.cssSelector("#item .form-status")).getText().contains("Approuvée"));

        // Published: in Toulouse Métropole's list on the map, and its card tells its history.
        JsonNode found = json(get("/api/actors?q=Repair%20minimes&format=json"));
        assertThat(found.get("items")).hasSize(1);
        long id = found.get("items").get(0).get("id").asLong();
        browser.open("/#territory=epci:243100518");
        browser.waitForPanelTitle("Toulouse Métropole");
        browser.until("the actor listed in its EPCI", d -> d.findElement(By.id("panel")).getText().contains("Repair café des Minimes"));
        browser.open("/#actor=" + id);
        browser.waitForPanelTitle("Repair café des Minimes");
        browser.until("its history", d -> d.findElement(By.cssSelector("#panel .history")).getText().contains("par un contributeur"));
        assertThat(browser.panelText()).contains("Modifier cette fiche", "Signaler", "C’est ma structure").doesNotContain("anonyme@example.org");
    }

    @Test
    void theChangeFormSendsOnlyTheChangedFieldsAndShowsARefusalBesideItsField() throws Exception {
        long id = actorId("Tiers-lieu La Fabrique");
        browser.open("/");
        browser.driver.manage().deleteAllCookies();
        browser.open("/proposer.html?actor=" + id);
        browser.until("the form prefilled", d -> "Tiers-lieu La Fabrique".equals(d.findElement(By.id("f-name")).getDomProperty("value")));
        assertThat(browser.find("#form-title").getText()).isEqualTo("Modifier « Tiers-lieu La Fabrique »");

        // 400: the service's refusal, in French, beside the field it names.
        browser.find("#f-website").sendKeys("ftp://fabrique.example.org");
        browser.find("#charter").click();
        browser.find("#email").sendKeys("voisine@example.org");
        browser.find("#contribution button[type=submit]").click();
        WebElement error = browser.waitForVisible("#f-website-error");
        assertThat(error.getText()).contains("https://");
        assertThat(browser.find("#f-website").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(expectOnlyRefusals(REFUSED_CONTRIBUTION)).as("the refusal the browser reported").isEqualTo(1);

        WebElement website = browser.find("#f-website");
        website.clear();
        website.sendKeys("https://fabrique.example.org");
        browser.find("#f-description").sendKeys("Ateliers ouverts le jeudi.");
        browser.find("#contribution button[type=submit]").click();
        browser.until("the 202 told", d -> d.findElement(By.id("form-status")).getText().contains("Vérifiez votre messagerie"));

        expectOnlyRefusals();
        JsonNode payload = lastContribution("change");
        assertThat(payload.propertyNames()).containsExactlyInAnyOrder("website", "description");
        assertThat(payload.get("website").asString()).isEqualTo("https://fabrique.example.org");
        assertThat(payload.get("description").asString()).isEqualTo("Ateliers ouverts le jeudi.");
    }

    @Test
    void theReportFormSendsItsReasonAndCommentAndTellsWhenToRetry() throws Exception {
        long id = actorId("CPIE du Rouergue");
        browser.open("/");
        browser.driver.manage().deleteAllCookies();
        browser.open("/signaler.html?actor=" + id);
        browser.until("the record named", d -> d.findElement(By.id("form-record")).getText().contains("CPIE du Rouergue"));
        browser.find("#contribution input[name=reason][value=closed]").click();
        browser.find("#f-comment").sendKeys("Fermé depuis l’été.");
        browser.find("#charter").click();
        browser.find("#email").sendKeys("passant@example.org");

        // A 429 (as RateLimits answers it) is told with its Retry-After, in minutes: the page's
        // fetch answers it once, then the real service does.
        browser.script("const real = window.fetch; window.fetch = (url, options) => {"
                + " if (!String(url).includes('api/contributions')) return real(url, options);"
                + " window.fetch = real;"
                + " return Promise.resolve(new Response(JSON.stringify({ title: 'Too Many Requests', status: 429 }),"
                + " { status: 429, headers: { 'Retry-After': '300', 'Content-Type': 'application/problem+json' } })); };");
        browser.find("#contribution button[type=submit]").click();
        browser.until("the 429 told", d -> d.findElement(By.id("form-status")).getText().contains("Trop de demandes : réessayez dans 5 min"));

        browser.find("#contribution button[type=submit]").click();
        browser.until("the 202 told", d -> d.findElement(By.id("form-status")).getText().contains("Vérifiez votre messagerie"));

        expectOnlyRefusals();
        JsonNode payload = lastContribution("report");
        assertThat(payload.get("reason").asString()).isEqualTo("closed");
        assertThat(payload.get("comment").asString()).isEqualTo("Fermé depuis l’été.");
    }

    @Test
    void theConsoleRefusesAnAccountThatCoordinatesNothing() throws Exception {
        browser.signIn(SMTP, "membre@example.org");
        // A signed-in member's report goes straight to the queue and shows in "Mes contributions".
        browser.open("/signaler.html?actor=" + actorId("Collectif Jardins partagés"));
        browser.waitForVisible("#contribution input[name=reason][value=wrong]").click();
        browser.find("#charter").click();
        assertThat(browser.findAll("#email")).as("no address asked of a signed-in member").isEmpty();
        browser.find("#contribution button[type=submit]").click();
        browser.until("the 202 told", d -> d.findElement(By.id("form-status")).getText().contains("coordinateurs du territoire"));
        browser.open("/mes-contributions.html");
        browser.until("my report listed", d -> d.findElement(By.id("mine")).getText().contains("Collectif Jardins partagés"));
        assertThat(browser.find("#mine").getText()).contains("Signalement", "En attente d’un coordinateur");

        browser.open("/moderation.html");
        browser.until("the refusal", d -> d.findElement(By.id("console-status")).getText().contains("ne coordonne aucun territoire"));
        assertThat(browser.find("#console-body").isDisplayed()).isFalse();
        assertThat(browser.findAll("#site-nav a[href='moderation.html']")).isEmpty();
        assertThat(browser.script("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".filter(n => n.includes('/api/moderation') || n.includes('/api/admin')).length")).isEqualTo(0L);
    }

    @Test
    void theNewPagesPassAxeAndFitAPhone() throws Exception {
        long id = actorId("Centre social des Izards");
        browser.open("/");
        browser.driver.manage().deleteAllCookies();
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));

        browser.open("/proposer.html");
        browser.waitForVisible("#f-name");
        browser.until("the place map drawn", d -> "ready".equals(d.findElement(By.id("place-map")).getDomAttribute("data-base")));
        assertNoHorizontalScroll("proposer.html");
        Axe.assertNoViolations(browser, "proposer.html (anonymous, 375 px)");
        screenshot("phone-proposer");

        browser.open("/signaler.html?actor=" + id);
        browser.waitForVisible("#f-comment");
        assertNoHorizontalScroll("signaler.html");
        Axe.assertNoViolations(browser, "signaler.html (375 px)");
        screenshot("phone-signaler");

        browser.open("/ma-structure.html?actor=" + id);
        browser.until("the sign-in invitation", d -> d.findElement(By.id("contribution")).getText().contains("connectez-vous"));
        Axe.assertNoViolations(browser, "ma-structure.html (anonymous, 375 px)");
        expectOnlyRefusals();

        browser.signIn(SMTP, ADMIN);
        browser.open("/mes-contributions.html");
        browser.until("the list", d -> !d.findElement(By.id("mine")).getText().contains("Chargement"));
        assertNoHorizontalScroll("mes-contributions.html");
        Axe.assertNoViolations(browser, "mes-contributions.html (375 px)");
        screenshot("phone-mes-contributions");

        browser.open("/moderation.html");
        browser.waitForVisible("#admin");
        browser.until("the roles listed", d -> !d.findElements(By.cssSelector(".role-list li")).isEmpty());
        browser.until("the uncovered territories counted", d -> d.findElement(By.id("coverage-summary")).getText().contains("sans coordinateur"));
        List<WebElement> queue = browser.findAll("#queue-list .queue-open");
        if (!queue.isEmpty()) {
            queue.get(0).click();
            browser.waitForVisible("#item .item-actions");
        }
        assertNoHorizontalScroll("moderation.html");
        Axe.assertNoViolations(browser, "moderation.html (admin, 375 px)");
        screenshot("phone-moderation");

        browser.open("/charte.html");
        Axe.assertNoViolations(browser, "charte.html (375 px)");
    }

    /**
     * Reads the browser's console so far (which {@link Browser#finish} would otherwise fail on) and
     * checks that its errors are only the refusals the pages expect: the 401 of GET /api/account
     * for a visitor who is not signed in, raster tiles (no network), and the given ones. Returns
     * how many of the given ones it saw.
     */
    private static long expectOnlyRefusals(Pattern... expected) {
        List<String> errors = browser.driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
        assertThat(errors).as("console errors").allMatch(m -> NOT_SIGNED_IN.matcher(m).matches()
                || HeadlessChromium.FAILED_TILE.matcher(m).matches()
                || java.util.Arrays.stream(expected).anyMatch(p -> p.matcher(m).matches()));
        return errors.stream().filter(m -> java.util.Arrays.stream(expected).anyMatch(p -> p.matcher(m).matches())).count();
    }

    /** The path of the newest link of a pattern in the newest mail to an address. */
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

    /** Types in a territory combobox and chooses the first option whose text contains `option`. */
    private void chooseInSearch(String input, String query, String option) {
        browser.find(input).sendKeys(query);
        String listbox = browser.find(input).getDomAttribute("aria-controls");
        WebElement choice = browser.until("the option " + option, d -> d.findElements(By.cssSelector("#" + listbox + " [role=option]")).stream()
                .filter(WebElement::isDisplayed).filter(o -> o.getText().contains(option)).findFirst().orElse(null));
        choice.click();
    }

    private void clickButton(String scope, String text) {
        browser.until("the button " + text, d -> d.findElements(By.cssSelector(scope + " button")).stream()
                .filter(b -> b.getText().equals(text) && b.isDisplayed()).findFirst().orElse(null)).click();
    }

    private void assertNoHorizontalScroll(String page) {
        Object overflow = browser.script("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as(page + " wider than the phone").isLessThanOrEqualTo(0);
    }

    private void screenshot(String name) throws Exception {
        java.nio.file.Files.createDirectories(Path.of("target", "screenshots"));
        java.nio.file.Files.write(Path.of("target", "screenshots", name + ".png"),
                browser.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    private long actorId(String name) {
        JsonNode page = json(get("/api/actors?format=json&limit=100"));
        for (JsonNode item : page.get("items")) {
            if (item.get("name").asString().equals(name)) {
                return item.get("id").asLong();
            }
        }
        throw new AssertionError("no actor named " + name);
    }

    /** The payload of the newest contribution of a kind, read as the owner. */
    private static JsonNode lastContribution(String kind) throws Exception {
        try (Connection c = DriverManager.getConnection(DATABASE.url(), DATABASE.user(), DATABASE.password());
             PreparedStatement s = c.prepareStatement("SELECT payload::text FROM contribution WHERE kind = ? ORDER BY id DESC LIMIT 1")) {
            s.setString(1, kind);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("a " + kind + " stored").isTrue();
                return tools.jackson.databind.json.JsonMapper.shared().readTree(rs.getString(1));
            }
        }
    }
}
