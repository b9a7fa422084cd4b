package org.atlascitoyen.importers.directory;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The matching form of a name, as the database's {@code atlas_normalize} computes it: lower case,
 * no accents, words separated by one space, "st"/"ste" spelled out. Computed here so that the
 * importer does not pay a SQL function call per row; {@code NamesIT} checks that both agree.
 */
public final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern SAINTE = Pattern.compile("\\bste\\b");
    private static final Pattern SAINT = Pattern.compile("\\bst\\b");

    private Names() {
    }

    public static String normalize(String value) {
        if (value == null) {
            return null;
        }
        String words = isSimple(value) ? simpleWords(value) : slowWords(value);
        if (words.indexOf("st") < 0) {
            return words;
        }
        return SAINT.matcher(SAINTE.matcher(words).replaceAll("sainte")).replaceAll("saint");
    }

    private static String slowWords(String value) {
        String lower = ligatures(value).toLowerCase(java.util.Locale.ROOT);
        String plain = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return NON_ALNUM.matcher(plain).replaceAll(" ").strip();
    }

    /** Latin letters up to U+017F, the common case: a table gives their plain lower-case form. */
    private static boolean isSimple(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= LATIN.length) {
                return false;
            }
        }
        return true;
    }

    /** The matching form of each character below U+0180: its letters and digits, else "" (a separator). */
    private static final String[] LATIN = new String[0x180];

    static {
        for (char c = 0; c < LATIN.length; c++) {
            LATIN[c] = slowWords(String.valueOf(c)).replace(" ", "");
        }
    }

    /** Letters and digits through the table, runs of anything else as one space, no space at the ends. */
    private static String simpleWords(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            String plain = LATIN[value.charAt(i)];
            if (plain.isEmpty()) {
                space = true;
            } else {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.append(plain);
            }
        }
        return out.toString();
    }

    /** What unaccent spells out and NFD does not decompose. */
    private static String ligatures(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case 'œ' -> "oe";
                case 'Œ' -> "OE";
                case 'æ' -> "ae";
                case 'Æ' -> "AE";
                case 'ß' -> "ss";
                case 'ø' -> "o";
                case 'Ø' -> "O";
                case 'ł' -> "l";
                case 'Ł' -> "L";
                case 'đ' -> "d";
                case 'Đ' -> "D";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(value.length() + 4).append(value, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return out == null ? value : out.toString();
    }
}
