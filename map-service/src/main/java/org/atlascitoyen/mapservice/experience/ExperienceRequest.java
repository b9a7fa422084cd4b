package org.atlascitoyen.mapservice.experience;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What {@code POST /api/experiences} takes: a retour d'expérience proposed by a signed-in person.
 * Read strictly (unknown members: 400). The required core: {@code name}, {@code description} (what
 * was tried), the place (one of {@code commune}, {@code lon}+{@code lat}, {@code territory}), by
 * whom ({@code carriedBy} and/or {@code actorIds}), {@code startedOn}, {@code happened},
 * {@code differently}, {@code outcome} and {@code themes}; the rest is optional.
 *
 * @param territory     a territory of the region as {@code kind:code} (commune, epci, petr, bassin_vie,
 *                      departement, region, qpv, pnr): the experience is placed at its point
 * @param actorIds      ids of actors of the atlas who carried it
 * @param startedOn     ISO date ({@code 2024-03-01}); {@code endedOn} likewise, not before it
 * @param outcome       reussi, mitige, abandonne or echec: a category, never a rating
 * @param evidenceLinks web addresses (http or https) of reports, articles, videos
 * @param initiativeId  the initiative of the atlas it comes from, if any
 * @param charterVersion the version of the contributors' charter the author accepted (the current one)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperienceRequest(
        String name,
        String description,
        List<String> themes,
        String commune,
        Double lon,
        Double lat,
        String territory,
        String carriedBy,
        List<Long> actorIds,
        String startedOn,
        String endedOn,
        String happened,
        String differently,
        String outcome,
        String publicReached,
        String means,
        String partners,
        List<String> evidenceLinks,
        Long initiativeId,
        String website,
        String charterVersion) {

    /** The proposal without the charter's version: what the moderation payload keeps. */
    public ExperienceRequest proposal() {
        return new ExperienceRequest(name, description, themes, commune, lon, lat, territory, carriedBy, actorIds, startedOn,
                endedOn, happened, differently, outcome, publicReached, means, partners, evidenceLinks, initiativeId, website,
                null);
    }
}
