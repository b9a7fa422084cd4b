package org.atlascitoyen.mapservice.person;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What {@code POST /api/persons/me} takes: the listing a signed-in person proposes for themselves
 * (or their edit of it), with their consent. Read strictly (unknown members: 400).
 *
 * @param visibility   per field ({@code name}, {@code description}, {@code structureName},
 *                     {@code website}, {@code address}): {@code public} (default), {@code members}
 *                     (signed-in accounts only) or {@code private} (never shown)
 * @param perimeter    the territories the person covers, as {@code kind:code} (commune, epci, petr,
 *                     bassin_vie, departement, region)
 * @param lon          with {@code lat}: the permanence's point (precision address); else {@code commune}
 * @param consent      must be true: the consent checkbox, whose wording is {@code consentVersion}'s
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonRequest(
        String name,
        String role,
        List<String> themes,
        String description,
        String structureName,
        Long structureActorId,
        String website,
        String address,
        String postcode,
        Double lon,
        Double lat,
        String commune,
        List<String> perimeter,
        Map<String, String> visibility,
        Boolean relayEnabled,
        Boolean consent,
        String consentVersion) {

    /** The same listing without the consent members: what the moderation payload keeps. */
    public PersonRequest listing() {
        return new PersonRequest(name, role, themes, description, structureName, structureActorId, website, address,
                postcode, lon, lat, commune, perimeter, visibility, relayEnabled, null, null);
    }

    /** The level chosen for a field; public unless said otherwise. */
    public String level(String field) {
        String level = visibility == null ? null : visibility.get(field);
        return level == null ? "public" : level;
    }
}
