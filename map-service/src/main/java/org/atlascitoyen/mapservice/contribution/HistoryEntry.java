package org.atlascitoyen.mapservice.contribution;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One dated line of a record's public history, e.g. "modifiée (name, website) par un
 * contributeur". Never who: no account, no address.
 *
 * @param action créée, modifiée, signalée, masquée, rétablie, retirée, gérée par sa structure
 * @param fields the changed fields (modifiée), else empty
 * @param by     "un contributeur", "un modérateur" or "la structure"
 */
public record HistoryEntry(OffsetDateTime at, String action, List<String> fields, String by) {
}
