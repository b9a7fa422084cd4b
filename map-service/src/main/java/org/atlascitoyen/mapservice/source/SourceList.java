package org.atlascitoyen.mapservice.source;

import java.util.List;

/**
 * The answer of {@code GET /api/sources}: every directory source, by name, and the reference
 * sources of the territories the last territory import read (from {@code data/sources.json}).
 */
public record SourceList(List<SourceInfo> sources, List<ReferenceLicence> territories) {
}
