package org.atlascitoyen.mapservice.ogc;

import java.util.List;

/** One page of features and how many match the request in all. */
public record ItemsResult(long numberMatched, List<OgcFeature> features) {
}
