package org.atlascitoyen.mapservice.ogc;

import java.util.List;

/** Every collection the API serves ({@code /ogc/collections}). */
public record CollectionList(List<Link> links, List<CollectionInfo> collections) {
}
