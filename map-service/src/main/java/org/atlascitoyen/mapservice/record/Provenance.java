package org.atlascitoyen.mapservice.record;

import java.time.OffsetDateTime;

/**
 * One directory a record was imported from, with the licence of that directory's data.
 *
 * @param source      the directory's name
 * @param externalId  its id in that directory
 * @param lastSeenAt  when a full import of the directory last had it
 * @param seen        false once a full import no longer has it (the record is kept)
 * @param matchRule   how it was merged into a record of another directory, null when it made it
 * @param licence     the directory's licence (Licence Ouverte 2.0, ODbL 1.0...), null when not given at import
 * @param licenceUrl  where the licence text is (http or https), null when unknown
 * @param attribution the credit line the directory's producer asks for, null when none was given
 */
public record Provenance(String source, String externalId, OffsetDateTime lastSeenAt, boolean seen, String matchRule,
                         String licence, String licenceUrl, String attribution) {
}
