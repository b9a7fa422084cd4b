package org.atlascitoyen.importers.record;

/** The outputs a record is written in, each with its own choice and order of fields. */
public enum Shape {
    /** An item of {@code /api/{kind}} (GeoJSON Feature or plain JSON), and of a tile's record. */
    LIST,
    /** One record in full at {@code /api/{kind}/{id}}, with its relations. */
    DETAIL,
    /** A feature of a GeoJSON export and a row of a CSV export ({@link RecordKind#csvColumns()} orders it). */
    EXPORT,
    /** A feature of OGC API Features: flat, every property written even when null. */
    OGC
}
