package org.atlascitoyen.mapservice.ogc;

import java.util.List;

/** The landing page of the OGC API ({@code /ogc}): what the service is and where to go next. */
public record LandingPage(String title, String description, List<Link> links) {
}
