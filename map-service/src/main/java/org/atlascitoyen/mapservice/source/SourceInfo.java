package org.atlascitoyen.mapservice.source;

import java.time.OffsetDateTime;

/**
 * One directory the records were imported from ({@code GET /api/sources}): public metadata.
 *
 * @param name        its name, as the imports and the records' {@code sources} say it
 * @param format      the format it was last imported from (csv, geojson, gogocarto, rna)
 * @param licence     its licence (Licence Ouverte 2.0, ODbL 1.0, CC BY 4.0...), null when not given at import
 * @param licenceUrl  where the licence text is (http or https), null when unknown
 * @param attribution the credit line its producer asks for, null when none was given
 * @param firstImport its first import
 * @param lastImport  its last import
 */
public record SourceInfo(String name, String format, String licence, String licenceUrl, String attribution,
                         OffsetDateTime firstImport, OffsetDateTime lastImport) {
}
