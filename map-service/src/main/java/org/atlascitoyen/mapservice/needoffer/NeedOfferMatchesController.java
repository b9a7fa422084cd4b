package org.atlascitoyen.mapservice.needoffer;

import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.system.NotFoundException;
import org.atlascitoyen.mapservice.system.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/needs-offers/{id}/matches}: "who could answer" an open announcement. For a need,
 * the open offers and the actors sharing a theme (offers: or a skill); for an offer, the open
 * needs and the actors; ranked by territorial closeness (same commune, bassin de vie, EPCI, PETR,
 * département, then the rest), then by distance. One query ({@code sql/need-offer/matches.sql}) on
 * the public views: an expired or closed announcement is neither answered (404) nor proposed.
 */
@RestController
class NeedOfferMatchesController {

    private static final String MATCHES = SqlResource.statement("sql/need-offer/matches.sql");
    private static final String EXISTS = SqlResource.statement("sql/need-offer/exists.sql");
    private static final Map<String, String> LABELS = Map.of("commune", "Même commune", "bassin_vie", "Même bassin de vie",
            "epci", "Même intercommunalité", "petr", "Même PETR", "departement", "Même département", "autre", "Plus loin");

    private final JdbcClient jdbc;
    private final NeedOfferProperties properties;

    NeedOfferMatchesController(JdbcClient jdbc, NeedOfferProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @GetMapping("/api/needs-offers/{id}/matches")
    NeedOfferMatch.Page matches(@PathVariable long id, @RequestParam(required = false) String limit) {
        int n = limit(limit);
        if (!jdbc.sql(EXISTS).param("id", id).query(Boolean.class).single()) {
            throw new NotFoundException("No open announcement " + id);
        }
        List<NeedOfferMatch> items = jdbc.sql(MATCHES).param("id", id).param("limit", n)
                .query((rs, i) -> new NeedOfferMatch(rs.getString("kind"), rs.getLong("id"), rs.getString("name"),
                        rs.getString("nature"), rs.getString("nature_label"), rs.getString("type_label"),
                        rs.getString("commune_name"), rs.getString("closeness"), LABELS.get(rs.getString("closeness")),
                        rs.getLong("distance"), SqlArrays.texts(rs.getArray("shared_themes"))))
                .list();
        return new NeedOfferMatch.Page(items);
    }

    private int limit(String value) {
        if (value == null) {
            return properties.matchesLimit();
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= properties.matchesLimitMax()) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BadParameterException("limit", "An integer from 1 to " + properties.matchesLimitMax());
    }
}
