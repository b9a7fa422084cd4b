package org.atlascitoyen.importers.dedup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.atlascitoyen.importers.db.SqlResource;

/**
 * The words that do not tell one name from another ({@code dedup/name-words.txt}): generic words,
 * removed from the names before they are compared, and kind words, removed too but required to be
 * the same for an automatic merge. The SQL of the directory import receives them as two regular
 * expressions (alternations of the entries, longest first) in the settings
 * {@code atlas.import.generic_words} and {@code atlas.import.kind_words}.
 */
public record NameWords(List<String> generic, List<String> kind) {

    public static final String RESOURCE = "dedup/name-words.txt";
    private static final Pattern ENTRY = Pattern.compile("[a-z0-9]+( [a-z0-9]+)*");

    public NameWords {
        generic = List.copyOf(generic);
        kind = List.copyOf(kind);
    }

    /** The list shipped with the importers. */
    public static NameWords load() {
        return parse(SqlResource.load(RESOURCE));
    }

    static NameWords parse(String text) {
        List<String> generic = new ArrayList<>();
        List<String> kind = new ArrayList<>();
        List<String> section = null;
        int number = 0;
        for (String raw : text.split("\\R")) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.equals("[generic]")) {
                section = generic;
            } else if (line.equals("[kind]")) {
                section = kind;
            } else if (section == null || !ENTRY.matcher(line).matches()) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": '" + line
                        + "' is not a normalised word under [generic] or [kind]");
            } else {
                section.add(line);
            }
        }
        return new NameWords(generic, kind);
    }

    /** The generic words as one alternation for PostgreSQL's regular expressions. */
    public String genericPattern() {
        return alternation(generic);
    }

    /** The kind words as one alternation for PostgreSQL's regular expressions. */
    public String kindPattern() {
        return alternation(kind);
    }

    /** Entries are plain words (checked on load), so they need no escaping; longest first. */
    private static String alternation(List<String> entries) {
        return String.join("|", entries.stream().distinct()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder())).toList());
    }
}
