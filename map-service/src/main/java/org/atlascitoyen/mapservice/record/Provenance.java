package org.atlascitoyen.mapservice.record;

import java.time.OffsetDateTime;

/**
 * One directory a record was imported from.
 *
 * @param externalId its id in that directory
 * @param lastSeenAt when a full import of the directory last had it
 * @param seen       false once a full import no longer has it (the record is kept)
 * @param matchRule  how it was merged into a record of another directory, null when it made it
 */
public record Provenance(String source, String externalId, OffsetDateTime lastSeenAt, boolean seen, String matchRule) {
}
