package org.atlascitoyen.mapservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.WebIT;
import org.atlascitoyen.mapservice.account.SignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The map page under the Content-Security-Policy in headless Chromium (a violation is a console
 * error, which {@link Browser} fails on), its embed, and the sign-in pages end to end: ask for a
 * link, open it from the mail, press the button, see "Mon compte", sign out.
 */
// Its own context (GreenMail's port, its database) is closed after the class: kept in the cache,
// its pools would hold connections that the later test classes need (max_connections).
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WebAccountIT extends WebIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        use(registry, DATABASE);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void theMapPageRunsUnderItsContentSecurityPolicy() {
        HttpResponse<String> page = get("/");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");

        browser.open("/#map=12/43.6045/1.4442&territory=epci:243100518");
        browser.waitForBase();
        browser.waitForPanelTitle("Toulouse Métropole");
        assertThat(browser.find(".account-link").getDomAttribute("href")).isEqualTo("compte.html");
        // Browser.finish fails on any console error: a CSP violation ("Refused to ...") is one.
    }

    @Test
    void theEmbedRunsUnderItsPolicyToo() {
        browser.open("/embed?theme=climat");
        browser.waitForBase();
    }

    @Test
    void signingInFromTheMailLinkShowsMyAccount() throws Exception {
        browser.open("/connexion.html");
        WebElement email = browser.waitForVisible("#email");
        email.sendKeys("navigatrice@example.org");
        browser.find("#signin-form button[type=submit]").click();
        browser.until("the link sent", d -> d.findElement(By.id("status")).getText().contains("vérifiez votre messagerie"));

        String link = linkIn(SMTP, "navigatrice@example.org");
        browser.open(link.substring(link.indexOf("/connexion.html")));
        browser.waitForVisible("#signin-button").click();
        browser.until("Mon compte", d -> d.getCurrentUrl().endsWith("/compte.html")
                && d.findElement(By.id("account-details")).getText().contains("navigatrice@example.org"));
        assertThat(browser.find("#account-details").getText()).contains("Contributeur");

        browser.find("#signout").click();
        browser.until("back on the map", d -> d.findElements(By.id("map")).size() == 1);
    }

    private static String linkIn(GreenMail smtp, String email) throws Exception {
        Instant start = Instant.now();
        while (Duration.between(start, Instant.now()).toSeconds() < 10) {
            Optional<String> mail = SignIn.mailbox(smtp).newestTo(email);
            if (mail.isPresent()) {
                Matcher m = java.util.regex.Pattern.compile("http://localhost:\\d+/connexion\\.html#jeton=[A-Za-z0-9_-]+").matcher(mail.get());
                if (m.find()) {
                    return m.group();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no sign-in mail to " + email);
    }
}
