package org.atlascitoyen.mapservice.person;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A person's own listing as they entered it ({@code GET /api/persons/me}), values at every level
 * included, so that the page can edit it. Only to its owner's session; never the email.
 */
public record MyListing(long id, String name, String role, List<String> themes, String description, String structureName,
        Long structureActorId, String website, String address, String postcode, String commune, String precision,
        List<String> perimeter, Map<String, String> visibility, boolean relayEnabled, OffsetDateTime confirmedAt) {
}
