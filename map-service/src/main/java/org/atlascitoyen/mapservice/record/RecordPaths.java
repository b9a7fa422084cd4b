package org.atlascitoyen.mapservice.record;

/**
 * The path variable that names a kind of record in request mappings: {@code /api/{kind}},
 * {@code /tiles/{kind}/...}, {@code /api/export/{kind}.csv}. Its pattern lists the kinds' paths
 * ({@code RecordKind.path()}), so that only those reach the record controllers and every other
 * path under {@code /api} keeps its own handler; {@code RecordPathsTest} checks it against the
 * kinds. The OpenAPI document lists each kind's paths on their own ({@code RecordApiDocs}).
 */
public final class RecordPaths {

    /** {@code {recordKind}}, one of the kinds' paths. */
    public static final String KIND = "{recordKind:actors|initiatives|persons|needs-offers|events|experiences}";

    private RecordPaths() {
    }
}
