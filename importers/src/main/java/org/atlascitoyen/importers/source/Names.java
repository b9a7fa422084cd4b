package org.atlascitoyen.importers.source;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
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
            char c = value.charAt(i);
            if (c >= LATIN.length || LATIN[c] == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * What unaccent spells out and NFD does not decompose, as PostgreSQL 15's unaccent.rules has
     * it for Latin letters, ligatures and a few symbols: each entry is a character followed by its
     * spelling. NamesIT checks every Latin character against the database.
     */
    private static final Map<Character, String> SPELLED = spellings("ÆAE æae ŒOE œoe ßss ẞSS ØO øo ŁL łl ĐD đd "
            + "©(C) ®(R) ¼1/4 ½1/2 ¾3/4 ÐD ÞTH ðd þth ĦH ħh ıi ĲIJ ĳij ĸq ĿL ŀl ŉ'n ŊN ŋn ŦT ŧt ſs "
            + "ƀb ƁB ƂB ƃb ƇC ƈc ƉD ƊD ƋD ƌd ƐE ƑF ƒf ƓG ƕhv ƖI ƗI ƘK ƙk ƚl ƝN ƞn ƢOI ƣoi ƤP ƥp ƫt ƬT ƭt ƮT "
            + "ƲV ƳY ƴy ƵZ ƶz ǄDZ ǅDz ǆdz ǇLJ ǈLj ǉlj ǊNJ ǋNj ǌnj ǤG ǥg ǱDZ ǲDz ǳdz ȡd ȤZ ȥz ȴl ȵn ȶt ȷj ȸdb ȹqp "
            + "ȺA ȻC ȼc ȽL ȾT ȿs ɀz ɃB ɄU ɆE ɇe ɈJ ɉj ɌR ɍr ɎY ɏy ẚa ẜs ẝs ỺLL ỻll ỼV ỽv ỾY ỿy "
            + "ﬀff ﬁfi ﬂfl ﬃffi ﬄffl ﬅst ﬆst");

    private static Map<Character, String> spellings(String table) {
        Map<Character, String> spellings = new HashMap<>();
        for (String entry : table.split(" ")) {
            spellings.put(entry.charAt(0), entry.substring(1));
        }
        return spellings;
    }

    /**
     * The matching form of each character below U+0180: its letters and digits, else "" (a
     * separator); null for a character spelled with letters and separators ("½" is "1/2"), which
     * takes the slow path.
     */
    private static final String[] LATIN = new String[0x180];

    static {
        for (char c = 0; c < LATIN.length; c++) {
            String spelled = SPELLED.getOrDefault(c, String.valueOf(c));
            String words = slowWords(String.valueOf(c));
            boolean mixed = !words.isEmpty() && !spelled.chars().allMatch(Character::isLetterOrDigit);
            LATIN[c] = mixed ? null : words.replace(" ", "");
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
            String replacement = SPELLED.get(c);
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
