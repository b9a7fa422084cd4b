package org.atlascitoyen.importers.directory;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The identifiers a record is located and deduplicated by, in the one form SQL compares: INSEE
 * codes and postcodes, SIREN and RNA numbers, the website and its host. Spreadsheets and forms
 * write them in many ways (a lost leading zero, spaces between digit groups, a SIRET for a SIREN,
 * a website without its scheme); a value that is no identifier of its kind is left out, not the
 * row.
 */
final class Identifiers {

    // Compiled once: String.matches and replaceAll compile their pattern at every call, once per row.
    private static final Pattern NOT_DIGIT = Pattern.compile("\\D");
    private static final Pattern RNA = Pattern.compile("W[0-9A-Z]{9}");
    private static final Pattern WITH_SCHEME = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*://.*");


    private Identifiers() {
    }

    /** An INSEE code or a postcode: spaces out, upper case, a lost leading zero ("9122" for 09122) put back. */
    static String code(String v) {
        if (v == null) {
            return null;
        }
        String c = v.replace(" ", "").toUpperCase(Locale.ROOT);
        if (c.endsWith(".0")) {
            c = c.substring(0, c.length() - 2); // a number cell exported as 31555.0
        }
        return c.length() == 4 && Character.isDigit(c.charAt(0)) ? "0" + c : c;
    }

    /** The SIREN of a SIREN or a SIRET (its first nine digits), whatever separates the digits; else null. */
    static String siren(String v) {
        if (v == null) {
            return null;
        }
        String digits = NOT_DIGIT.matcher(v).replaceAll("");
        return digits.length() == 9 || digits.length() == 14 ? digits.substring(0, 9) : null;
    }

    /** An RNA number (W and nine digits or letters), spaces out, upper case; else null. */
    static String rna(String v) {
        if (v == null) {
            return null;
        }
        String id = v.replace(" ", "").toUpperCase(Locale.ROOT);
        return RNA.matcher(id).matches() ? id : null;
    }

    /** A website as a link: "https://" added when it has no scheme. */
    static String website(String v) {
        if (v == null) {
            return null;
        }
        return WITH_SCHEME.matcher(v).matches() ? v : "https://" + v;
    }

    /** The host of a website, lower case, without "www.": a dedup key. Null when it has none. */
    static String host(String website) {
        if (website == null) {
            return null;
        }
        try {
            String host = URI.create(website.replace(" ", "%20")).getHost();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
