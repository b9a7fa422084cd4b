package org.atlascitoyen.importers.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Under which licence a directory's data may be reused, where that licence is published and the
 * credit line its producer asks for: what the import records in {@code source} (Flyway V11) and
 * what the map, the exports and the OGC API show beside the data.
 *
 * <p>Given by the one who imports ({@code --licence}, {@code --licence-url}, {@code --attribution},
 * or the {@code licence} block of a mapping file), never assumed from the format. A well-known
 * licence may be named by its SPDX-like id or its usual name ({@code etalab-2.0}, "Licence Ouverte
 * 2.0", {@code ODbL-1.0}, {@code CC-BY-4.0}...): it is then recorded under its usual name, with
 * its URL when none is given. Any other name is recorded as given.
 *
 * @param licence     the licence's name, null when not given
 * @param url         where its text is, http or https; null when not given
 * @param attribution the credit line, null when not given
 */
public record SourceLicence(String licence, String url, String attribution) {

    /** Nothing given. */
    public static final SourceLicence NONE = new SourceLicence(null, null, null);

    /** Bounds of the columns of V11. */
    static final int MAX_LICENCE = 200;
    static final int MAX_URL = 2000;
    static final int MAX_ATTRIBUTION = 1000;

    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** A licence the import recognises by id or name: its id, usual name, URL, and other ways to write it. */
    record Known(String id, String name, String url, List<String> aliases) {
    }

    static final List<Known> KNOWN = List.of(
            new Known("etalab-2.0", "Licence Ouverte 2.0", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
                    List.of("licence ouverte v2.0", "lo-2.0", "lo 2.0", "open licence 2.0", "etalab 2.0")),
            new Known("etalab-1.0", "Licence Ouverte 1.0", "https://www.etalab.gouv.fr/wp-content/uploads/2014/05/Licence_Ouverte.pdf",
                    List.of("licence ouverte v1.0", "lo-1.0", "lo 1.0", "open licence 1.0")),
            new Known("ODbL-1.0", "ODbL 1.0", "https://opendatacommons.org/licenses/odbl/1-0/",
                    List.of("odbl", "open database license", "open database license 1.0")),
            new Known("CC-BY-4.0", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/",
                    List.of("cc-by 4.0", "creative commons attribution 4.0")),
            new Known("CC-BY-SA-4.0", "CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/",
                    List.of("cc-by-sa 4.0", "creative commons attribution share alike 4.0")),
            new Known("CC0-1.0", "CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/",
                    List.of("cc0", "cc-0", "domaine public")));

    /**
     * The licence as given, cleaned (control characters removed, spaces collapsed, blanks as null)
     * and checked (lengths, URL scheme); a known licence by its usual name and URL.
     *
     * @throws IllegalArgumentException when a value is too long, the URL is not http(s), or a URL
     *                                  comes without the licence it is the text of
     */
    public static SourceLicence of(String licence, String url, String attribution) {
        String name = clean(licence, MAX_LICENCE, "licence");
        String link = clean(url, MAX_URL, "licence URL");
        String credit = clean(attribution, MAX_ATTRIBUTION, "attribution");
        if (link != null) {
            if (name == null) {
                throw new IllegalArgumentException("a licence URL needs the licence's name (--licence or licence.name)");
            }
            checkUrl(link);
        }
        if (name != null) {
            Known known = known(name);
            if (known != null) {
                name = known.name();
                link = link == null ? known.url() : link;
            }
        }
        return new SourceLicence(name, link, credit);
    }

    /** Each value of this one, else the other's (the command line over the mapping file). */
    public SourceLicence orElse(SourceLicence other) {
        if (licence != null) {
            return new SourceLicence(licence, url, attribution != null ? attribution : other.attribution);
        }
        return new SourceLicence(other.licence, other.url, attribution != null ? attribution : other.attribution);
    }

    /** The known licence an id or a name stands for (case, accents and spaces ignored), or null. */
    static Known known(String name) {
        String key = key(name);
        for (Known k : KNOWN) {
            if (key.equals(key(k.id())) || key.equals(key(k.name())) || k.aliases().stream().anyMatch(a -> key.equals(key(a)))) {
                return k;
            }
        }
        return null;
    }

    private static String key(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[\\s_-]+", " ").trim();
    }

    private static String clean(String value, int max, String what) {
        if (value == null) {
            return null;
        }
        String text = SPACES.matcher(CONTROL.matcher(value).replaceAll(" ")).replaceAll(" ").strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > max) {
            throw new IllegalArgumentException("the " + what + " is longer than " + max + " characters");
        }
        return text;
    }

    private static void checkUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme();
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("the licence URL '" + url + "' is not an http or https address");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the licence URL '" + url + "' is not a URL: " + e.getReason(), e);
        }
    }
}
