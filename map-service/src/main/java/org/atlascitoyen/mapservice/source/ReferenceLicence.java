package org.atlascitoyen.mapservice.source;

/**
 * The licence of one reference source of the territories ({@code data/sources.json}), for the
 * map's attribution and the OGC territory collections.
 *
 * @param kind       the kind of source ({@code commune-polygons}, {@code epci-list}, {@code qpv}...)
 * @param producer   who produces it (INSEE, IGN, DGCL, ANCT...)
 * @param licence    its licence, as the manifest names it
 * @param licenceUrl where the licence text is, for a licence the importers know; null otherwise
 * @param url        where the original file is published
 */
public record ReferenceLicence(String kind, String producer, String licence, String licenceUrl, String url) {
}
