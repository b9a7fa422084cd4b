package org.atlascitoyen.mapservice.source;

import java.util.List;
import java.util.regex.Pattern;

/** The licence URLs of a set of sources, once each, as links ({@code rel="license"}) can carry them. */
public final class LicenceLinks {

    /**
     * An http(s) URL of visible ASCII without the characters that would end it in a Link header
     * ({@code < > "} and spaces): the import checks the URLs, this keeps a header well-formed
     * whatever a database holds.
     */
    private static final Pattern SAFE = Pattern.compile("https?://[!#-;=?-~]+");

    private LicenceLinks() {
    }

    /** Each distinct licence URL of these sources, in their order; sources without a URL give none. */
    public static List<String> urls(List<DataLicence> licences) {
        return licences.stream().map(DataLicence::licenceUrl).filter(LicenceLinks::isSafe).distinct().toList();
    }

    /** Whether a URL is one a link may carry: http(s), visible ASCII, nothing that ends it early. */
    public static boolean isSafe(String url) {
        return url != null && SAFE.matcher(url).matches();
    }
}
