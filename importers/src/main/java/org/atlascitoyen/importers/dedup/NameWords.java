package org.atlascitoyen.importers.dedup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.regex.Pattern;
import org.atlascitoyen.importers.db.SqlResource;

/**
 * The words that do not tell one name from another ({@code dedup/name-words.txt}): generic words,
 * removed from the names before they are compared, and kind words, removed too but required to be
 * the same for an automatic merge. The SQL of the directory import (atlas_name_words) receives them
 * as array literals in the settings {@code atlas.import.name_phrases} (entries of several words),
 * {@code atlas.import.generic_words} and {@code atlas.import.kind_words}.
 */
public final class NameWords {

    public static final String RESOURCE = "dedup/name-words.txt";
    private static final Pattern ENTRY = Pattern.compile("[a-z0-9]+( [a-z0-9]+)*");
    private static final NameWords SHIPPED = parse(SqlResource.load(RESOURCE));

    private final List<String> generic;
    private final List<String> kind;
    private final Set<String> genericSet;
    private final Set<String> kindSet;
    private final List<String> phrases;

    NameWords(List<String> generic, List<String> kind) {
        this.generic = List.copyOf(generic);
        this.kind = List.copyOf(kind);
        this.genericSet = generic.stream().map(e -> e.replace(' ', '_')).collect(Collectors.toUnmodifiableSet());
        this.kindSet = kind.stream().map(e -> e.replace(' ', '_')).collect(Collectors.toUnmodifiableSet());
        this.phrases = byLength(Stream.concat(generic.stream(), kind.stream()).filter(e -> e.contains(" ")));
    }

    public List<String> generic() {
        return generic;
    }

    public List<String> kind() {
        return kind;
    }

    private static List<String> byLength(Stream<String> entries) {
        return entries.distinct().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /** What can distinguish a name (its words but the generic and kind ones), and its kind words, sorted. */
    public record Parts(String words, String kinds) {
    }

    /** The list shipped with the importers. */
    public static NameWords shipped() {
        return SHIPPED;
    }

    /**
     * Splits a normalised name (atlas_normalize) as the SQL function atlas_name_words does: entries
     * of several words are joined first, then each word is a kind word, a generic word, or kept.
     * "atelier pour la transition energetique de creissels" -> ("transition energetique creissels",
     * "atelier"). The names of the commune are taken out later, in SQL, once the row is located.
     */
    public Parts split(String nameSearch) {
        String padded = " " + nameSearch + " ";
        for (String phrase : phrases) {
            padded = padded.replace(" " + phrase + " ", " " + phrase.replace(' ', '_') + " ");
        }
        StringBuilder words = new StringBuilder();
        TreeSet<String> kinds = new TreeSet<>();
        for (String word : padded.strip().split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (kindSet.contains(word)) {
                kinds.add(word.replace('_', ' '));
            } else if (!genericSet.contains(word)) {
                words.append(words.length() == 0 ? "" : " ").append(word);
            }
        }
        return new Parts(words.toString(), String.join(" ", kinds));
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

    /** The entries of several words, longest first: their words are joined by "_" before the rest. */
    List<String> phrases() {
        return phrases;
    }

    /** The entries of several words, as a PostgreSQL array literal, in the order {@link #phrases()} gives. */
    public String phrasesArray() {
        return array(phrases());
    }

    /** The generic words as a PostgreSQL array literal (words of an entry joined by "_"). */
    public String genericArray() {
        return array(generic.stream().map(e -> e.replace(' ', '_')).toList());
    }

    /** The kind words as a PostgreSQL array literal (words of an entry joined by "_"). */
    public String kindArray() {
        return array(kind.stream().map(e -> e.replace(' ', '_')).toList());
    }

    /** Entries are plain words (checked on load): quoted, they need no escaping. Longest first. */
    private static String array(List<String> entries) {
        return byLength(entries.stream()).stream().map(e -> '"' + e + '"').collect(Collectors.joining(",", "{", "}"));
    }
}
