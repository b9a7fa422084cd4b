package org.atlascitoyen.mapservice.contribution;

import java.util.List;

/** The public history of a record, oldest first. */
public record History(String recordKind, long id, List<HistoryEntry> entries) {
}
