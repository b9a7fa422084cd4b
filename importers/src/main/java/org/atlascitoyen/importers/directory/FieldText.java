package org.atlascitoyen.importers.directory;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.atlascitoyen.importers.source.Field;
import org.atlascitoyen.importers.source.Mapping;
import org.atlascitoyen.importers.source.SourceRow;

/**
 * The text of a row's field as its mapping gives it, before any other cleaning step reads it: the
 * mapping's constant replaces the cell, NUL bytes are dropped (PostgreSQL text cannot hold them),
 * the value is stripped and an empty one takes the mapping's default. Types, statuses and themes
 * do not take it here: {@link VocabularyCodes} applies their default only when no value
 * translates. A one-line value has its runs of spaces, tabs and line breaks made one space.
 */
final class FieldText {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

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
            v = v.replace("\u0000", "").strip();
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
