package org.atlascitoyen.importers.directory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.atlascitoyen.importers.source.Names;

/**
 * One controlled vocabulary (themes, actor types or initiative statuses) with its synonyms, read
 * from its table. Translates free-text source values to codes.
 */
public final class Vocabulary {

    /** A term that stands for a code, in matching form. */
    private record Term(String words, String code) {
    }

    private static final int CACHE_LIMIT = 10_000;

    private final Set<String> codes;
    private final Map<String, String> exact = new HashMap<>();
    /** Longest terms first, so that "tiers lieu" wins over "lieu". */
    private final List<Term> terms = new ArrayList<>();
    private final Map<String, Optional<String>> cache = new HashMap<>();

    Vocabulary(Map<String, List<String>> termsByCode) {
        this.codes = new LinkedHashSet<>(termsByCode.keySet());
        termsByCode.forEach((code, words) -> {
            for (String w : words) {
                String key = Names.normalize(w);
                if (!key.isEmpty()) {
                    exact.putIfAbsent(key, code);
                    terms.add(new Term(key, code));
                }
            }
        });
        terms.sort(Comparator.comparingInt((Term t) -> t.words().length()).reversed());
    }

    /** Reads a vocabulary table with columns code, label, synonyms. */
    public static Vocabulary load(Connection connection, String table) throws SQLException {
        if (!List.of("theme", "actor_type", "initiative_status", "event_type").contains(table)) {
            throw new IllegalArgumentException("not a vocabulary table: " + table);
        }
        Map<String, List<String>> byCode = new java.util.LinkedHashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT code, label, synonyms FROM " + table + " ORDER BY code")) {
            while (rs.next()) {
                List<String> words = new ArrayList<>();
                words.add(rs.getString(1).replace('_', ' '));
                words.add(rs.getString(2));
                words.addAll(List.of((String[]) rs.getArray(3).getArray()));
                byCode.put(rs.getString(1), words);
            }
        }
        return new Vocabulary(byCode);
    }

    public boolean isCode(String value) {
        return codes.contains(value);
    }

    /**
     * The code a source value stands for: the code itself, its label or a synonym, else the longest
     * term found among its words ("Centre social et culturel" is a centre_social).
     */
    public Optional<String> lookup(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (codes.contains(value)) {
            return Optional.of(value);
        }
        Optional<String> cached = cache.get(value);
        if (cached != null) {
            return cached;
        }
        String key = Names.normalize(value);
        Optional<String> found = Optional.ofNullable(exact.get(key));
        if (found.isEmpty()) {
            String padded = " " + key + " ";
            found = terms.stream().filter(t -> padded.contains(" " + t.words() + " ")).map(Term::code).findFirst();
        }
        if (cache.size() < CACHE_LIMIT) {
            cache.put(value, found);
        }
        return found;
    }

    /** Every code one of whose terms appears as whole words in a text (an association's "objet"). */
    public Set<String> findIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        String padded = " " + Names.normalize(text) + " ";
        for (Term t : terms) {
            if (!found.contains(t.code()) && padded.contains(" " + t.words() + " ")) {
                found.add(t.code());
            }
        }
        return found;
    }
}
