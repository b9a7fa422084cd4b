package org.atlascitoyen.importers.directory;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.atlascitoyen.importers.source.Field;
import org.atlascitoyen.importers.source.Mapping;
import org.atlascitoyen.importers.source.SourceRow;

/**
 * The text of a row's field as its mapping gives it, before any other cleaning step reads it: the
 * mapping's constant replaces the cell; a field of {@link #PROSE} written in HTML becomes its text
 * ({@link HtmlText}); control characters are removed (see {@link #withoutControls}); the value is
 * stripped and an empty one takes the mapping's default. Types, statuses and themes do not take it
 * here: {@link VocabularyCodes} applies their default only when no value translates. A multi-line
 * value loses the spaces that end its lines and keeps at most one blank line in a row; a one-line
 * value has its runs of spaces, tabs and line breaks made one space.
 */
final class FieldText {

    /**
     * The fields people write sentences in, which sources export as HTML. Not the others: a
     * website, an e-mail address or a code is never HTML, and reading it as such could mangle it.
     */
    static final Set<Field> PROSE = EnumSet.of(Field.NAME, Field.DESCRIPTION, Field.LESSONS_LEARNED, Field.ADDRESS,
            Field.CARRIERS);

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern LINE_END_SPACES = Pattern.compile("[ \\t\\u00A0]+\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

    private final Mapping mapping;

    FieldText(Mapping mapping) {
        this.mapping = mapping;
    }

    /** The field's text on one line; null when empty. */
    String line(SourceRow row, Field field) {
        String v = multiline(row, field);
        return v == null || !needsSpacing(v) ? v : WHITESPACE.matcher(v).replaceAll(" ");
    }

    /** The field's text with its line breaks (descriptions); null when empty. */
    String multiline(SourceRow row, Field field) {
        Optional<Mapping.Rule> rule = mapping.rule(field);
        String v = row.get(field);
        if (rule.isPresent() && rule.get().constant() != null) {
            v = rule.get().constant();
        }
        if (v != null) {
            v = multilineSpacing(withoutControls(PROSE.contains(field) ? HtmlText.toText(v) : v)).strip();
        }
        if ((v == null || v.isEmpty()) && rule.isPresent() && rule.get().defaultValue() != null && !isTranslated(field)) {
            v = rule.get().defaultValue();
        }
        return v == null || v.isEmpty() ? null : v;
    }

    /** The values of a multi-valued field, split as its mapping says, empty ones left out; null when empty. */
    List<String> list(SourceRow row, Field field) {
        String v = line(row, field);
        if (v == null) {
            return null;
        }
        return Arrays.stream(mapping.split(field).split(v)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The value without C0 and C1 control characters, which no text means to hold (NUL bytes,
     * which PostgreSQL text cannot hold, the escapes of a terminal, the C1 codes a Windows-1252
     * file read as Latin-1 leaves): line ends (CR LF, CR, vertical tab, form feed, NEL) become
     * a line break, a tab a space, the others are removed.
     */
    static String withoutControls(String v) {
        if (!hasControl(v)) {
            return v;
        }
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\r' && i + 1 < v.length() && v.charAt(i + 1) == '\n') {
                continue; // the \n that follows ends the line
            }
            if (c == '\n' || c == '\r' || c == '\u000B' || c == '\f' || c == '\u0085') {
                out.append('\n');
            } else if (c == '\t') {
                out.append(' ');
            } else if (!isControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean hasControl(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '\n' && isControl(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F;
    }

    /** Lines without trailing spaces, and no more than one blank line in a row. */
    private static String multilineSpacing(String v) {
        if (v.indexOf('\n') < 0) {
            return v;
        }
        return BLANK_LINES.matcher(LINE_END_SPACES.matcher(v).replaceAll("\n")).replaceAll("\n\n");
    }

    /** Whether a value has whitespace other than single spaces (most have none: skip the regex). */
    private static boolean needsSpacing(String v) {
        char previous = 'x';
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ' ' ? previous == ' ' : Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return true;
            }
            previous = c;
        }
        return false;
    }

    private static boolean isTranslated(Field field) {
        return field == Field.TYPE || field == Field.STATUS || field == Field.THEMES;
    }
}
