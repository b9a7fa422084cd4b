package org.atlascitoyen.importers.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Names#normalize} must compute what the database's {@code atlas_normalize} computes: the
 * importer writes the matching form of names in Java, and SQL compares it with its own (commune
 * names, carriers, the map's search).
 */
class NamesIT {

    private static DatabaseConfig db;

    @BeforeAll
    static void database() {
        db = TestDatabases.withTerritories();
    }

    @AfterAll
    static void drop() {
        TestDatabases.drop(db);
    }

    @Test
    void everyTerritoryAndFormerCommuneNameOfTheRegion() throws Exception {
        Map<String, String> sql = new LinkedHashMap<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, atlas_normalize(name) FROM commune "
                     + "UNION SELECT name, name_search FROM territory UNION SELECT name, atlas_normalize(name) FROM commune_alias")) {
            while (rs.next()) {
                sql.put(rs.getString(1), rs.getString(2));
            }
        }

        assertThat(sql).hasSizeGreaterThan(4446).containsEntry("Saint-Gaudens", "saint gaudens");
        assertThat(differences(sql)).isEmpty();
    }

    @Test
    void trickyNames() throws Exception {
        List<String> names = List.of("Saint-Étienne-de-Tulmont", "STE-MARIE-DE-CAMPAN", "St.-Jean", "Ste Croix", "St", "Stéphane",
                "L'Isle-Jourdain", "L’Isle-Jourdain", "Œuvre du cœur", "Lætitia", "Straße", "GROẞE", "Łódź", "Ðakovo",
                "Þingvellir", "İstanbul ve ılık", "Ĳsselmeer", "Col·lectiu", "Coŀlectiu", "ﬁlm ﬂeur ﬀ", "ﬅudio",
                "« Tiers-lieu »", "Jardin\u00a0partagé", "Maison\u2009des\u202fjeunes", "½ tarif", "a½b", "Collectif©2024",
                "ŉ", "Ǆemal", "ǅ", "Pe\u0301zenas", "  espaces   multiples\t", "---", "", "L'Hospitalet-près-l'Andorre",
                "Ângulo", "Ça", "Ÿ", "Ævar", "Øystein", "Ħal Għargħur", "Ŧ", "ſ", "ẚ", "Ỻ", "3e âge", "1er étage");

        assertThat(differences(sqlOf(names))).isEmpty();
    }

    @Test
    void everyLatinCharacterAloneAndBetweenLetters() throws Exception {
        List<String> chars = IntStream.concat(IntStream.concat(IntStream.rangeClosed(0x20, 0x24f), IntStream.rangeClosed(0x1e00, 0x1eff)),
                IntStream.rangeClosed(0xfb00, 0xfb06)).mapToObj(Character::toString).toList();
        List<String> strings = new ArrayList<>(chars);
        chars.forEach(c -> strings.add("a" + c + "b"));

        assertThat(differences(sqlOf(strings))).isEmpty();
    }

    /** Value -> "java: X, sql: Y" for each value the two compute differently. */
    private static Map<String, String> differences(Map<String, String> sql) {
        Map<String, String> differences = new LinkedHashMap<>();
        sql.forEach((value, expected) -> {
            String java = Names.normalize(value);
            if (!java.equals(expected)) {
                differences.put(value, "java: '" + java + "', sql: '" + expected + "'");
            }
        });
        return differences;
    }

    private static Map<String, String> sqlOf(List<String> values) throws Exception {
        Map<String, String> sql = new LinkedHashMap<>();
        try (Connection c = db.connect();
             PreparedStatement st = c.prepareStatement("SELECT v, atlas_normalize(v) FROM unnest(?) WITH ORDINALITY AS u(v, n) ORDER BY n")) {
            Array array = c.createArrayOf("text", values.toArray());
            st.setArray(1, array);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    sql.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return sql;
    }
}
