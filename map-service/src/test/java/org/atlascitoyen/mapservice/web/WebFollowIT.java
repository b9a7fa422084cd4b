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
import org.atlascitoyen.mapservice.follow.FollowProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Suivre un territoire" in headless Chromium: the page opened from the map's territory card
 * ({@code ?territory=epci:CODE}) shows the territory and its Atom feed; a signed-in person ticks a
 * theme, a frequency and the consent, subscribes, and sees the subscription under "Mes abonnements",
 * then ends it; the unsubscribe page opened without its token says so in French.
 */
@DirtiesContext
class WebFollowIT extends WebIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final String EMAIL = "dominique.suit@example.org";

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        use(registry, DATABASE);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("atlas.rate-limit.signin-ip", () -> "1000/PT1H");
        registry.add("atlas.follow.weekly-cron", () -> "-");
        registry.add("atlas.follow.monthly-cron", () -> "-");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void aSignedInPersonFollowsTheTerritoryOfTheLinkAndSeesItInTheirSubscriptions() throws Exception {
        browser.signIn(SMTP, EMAIL);
        browser.open("/suivre.html?territory=epci:243100518");
        browser.until("the preselected territory", d -> d.findElement(By.id("follow-territory")).getText().contains("Toulouse Métropole"));
        Axe.assertNoViolations(browser, "suivre.html (signed in)");
        assertThat(browser.find("#follow-feed-link").getDomAttribute("href")).endsWith("/api/territories/epci/243100518/feed.atom");
        assertThat(browser.find("#follow-form").getText()).contains(FollowProperties.WORDING).contains("adresse de votre compte");
        assertThat(browser.findAll("#follow-email")).as("a signed-in account uses its own address").isEmpty();
        browser.find("input[name=theme][value=climat]").click();
        new Select(browser.find("#follow-frequency")).selectByValue("monthly");
        browser.find("#follow-consent").click();
        browser.find("#follow-submit").click();
        browser.until("the subscription taken", d -> d.findElement(By.id("follow-status")).getText().contains("vous suivez"));
        String mine = browser.until("my subscriptions", d -> d.findElements(By.cssSelector("#follow-mine li")).stream()
                .findFirst().map(WebElement::getText).orElse(null));
        assertThat(mine).contains("Toulouse Métropole", "chaque mois", "thèmes : Climat");

        String[] row = row("SELECT s.frequency, s.status, s.email IS NULL, c.wording, c.form FROM subscription s"
                + " JOIN subscription_consent c ON c.subscription_id = s.id JOIN account a ON a.id = s.account_id"
                + " WHERE a.email = '" + EMAIL + "' AND s.territory_kind = 'epci' AND s.territory_code = '243100518'");
        assertThat(row).containsExactly("monthly", "active", "t", FollowProperties.WORDING, "suivre.html (POST /api/subscriptions)");

        browser.until("the end button", d -> d.findElement(By.cssSelector("#follow-mine li button"))).click();
        browser.until("the subscription ended", d -> d.findElement(By.id("follow-mine")).getText().contains("Aucun"));
        assertThat(row("SELECT count(*) FROM subscription")[0]).isEqualTo("0");

        browser.open("/desabonner.html");
        browser.until("an incomplete link told", d -> d.findElement(By.id("token-status")).getText().contains("incomplet"));
        assertThat(browser.find("#token-button").isEnabled()).isFalse();
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
