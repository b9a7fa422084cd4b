package org.atlascitoyen.mapservice.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.WebIT;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The "Données personnelles" page states the settings as they are: with changed settings,
 * {@code GET /api/privacy} (which the page renders) says the changed values.
 */
@DirtiesContext
class PrivacyPageIT extends WebIT {

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        use(registry, DATABASE);
        registry.add("atlas.retention.relay-text-days", () -> "12");
        registry.add("atlas.retention.account-inactive-months", () -> "18");
        registry.add("atlas.contact.pair-limit", () -> "5/P7D");
        registry.add("atlas.privacy.contact", () -> "Délégué à la protection des données, dpo@example.org");
    }

    @Test
    void theApiSaysTheSettingsInForce() {
        HttpResponse<String> response = get("/api/privacy");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode privacy = json(response);
        assertThat(privacy.path("contact").asString()).isEqualTo("Délégué à la protection des données, dpo@example.org");
        assertThat(entry(privacy.path("durations"), "relay-text").path("text").asString()).isEqualTo("12 jours");
        assertThat(entry(privacy.path("durations"), "account-inactive").path("text").asString()).isEqualTo("18 mois");
        assertThat(entry(privacy.path("durations"), "unconfirmed").path("text").asString()).isEqualTo("7 jours");
        JsonNode pair = entry(privacy.path("limits"), "contact-pair");
        assertThat(pair.path("capacity").asLong()).isEqualTo(5);
        assertThat(pair.path("text").asString()).isEqualTo("5 par 7 jours");
        assertThat(entry(privacy.path("durations"), "session-idle").path("text").asString()).isEqualTo("7 jours");
    }

    @Test
    void thePageIsServedAndRendersTheApi() {
        HttpResponse<String> page = get("/donnees-personnelles.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Données personnelles", "app/privacy-page.js");
        HttpResponse<String> module = get("/app/privacy-page.js");
        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.body()).contains("data-duration", "textContent").doesNotContain("innerHTML");
        assertThat(get("/app/contact-api.js").body()).contains("api/privacy");
    }

    private static JsonNode entry(JsonNode list, String key) {
        for (JsonNode node : list) {
            if (key.equals(node.path("key").asString())) {
                return node;
            }
        }
        throw new AssertionError("no " + key + " in " + list);
    }
}
