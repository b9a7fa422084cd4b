package org.atlascitoyen.mapservice.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.atlascitoyen.mapservice.DemoServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Past atlas.count-max matches, a list says "more than" instead of counting them all. */
@TestPropertySource(properties = "atlas.count-max=100")
class CountCapIT extends DemoServiceIT {

    @Test
    void pastTheCapTheListSaysMoreThan() throws SQLException {
        assertThat(sql("SELECT count(*) FROM actor")).isGreaterThan(100);
        for (String format : new String[] {"", "&format=json"}) {
            JsonNode page = json(get("/api/actors?limit=10" + format));
            assertThat(page.has("numberMatched")).isFalse();
            assertThat(page.path("numberMatchedMoreThan").asLong()).isEqualTo(100);
            assertThat(page.path("numberReturned").asInt()).isEqualTo(10);
        }
    }

    @Test
    void underTheCapTheCountIsExact() throws SQLException {
        long inAveyron = sql("SELECT count(*) FROM actor WHERE departement = '12'");
        assertThat(inAveyron).isBetween(2L, 100L);
        JsonNode page = json(get("/api/actors?territory=departement:12&limit=1"));
        assertThat(page.path("numberMatched").asLong()).isEqualTo(inAveyron);
        assertThat(page.has("numberMatchedMoreThan")).isFalse();
        // A first page holding every match is its own count.
        JsonNode whole = json(get("/api/actors?territory=departement:12&limit=100"));
        assertThat(whole.path("numberMatched").asLong()).isEqualTo(inAveyron);
        assertThat(whole.path("next").isNull()).isTrue();
    }

    private static long sql(String query) throws SQLException {
        try (Connection c = DEMO.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
