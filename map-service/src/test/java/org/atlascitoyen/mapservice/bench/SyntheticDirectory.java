package org.atlascitoyen.mapservice.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.atlascitoyen.importers.db.DatabaseConfig;

/**
 * A directory of synthetic actors as people keep one in a spreadsheet, written as a UTF-8 CSV with
 * {@code ;} and its mapping file, for {@link ImportBench}. Actors sit in the real communes of the
 * database, weighted by population, and are located the three ways real directories do: coordinates
 * near the commune's label point (with the address, postcode and commune; some with decimal commas,
 * a few swapped), the INSEE code alone, or the postcode and the commune's name spelled freely.
 * 5% of rows repeat an earlier row (same Identifiant); 1% are broken. The generator counts what it
 * wrote, so that the benchmark can check the importer's report against it.
 *
 * <p>Deterministic: the same seed and row count give the same file. Each actor is drawn from its
 * own random stream (seed and number), so a duplicate draws again the row it repeats instead of
 * keeping earlier rows in memory.
 */
final class SyntheticDirectory {

    /** A commune of the database, where actors are placed. */
    record Commune(String code, String name, String postcode, double lon, double lat, long population) {
    }

    /** The rows of a broken kind, each rejected by the importer with its reason. */
    enum Broken {
        MISSING_NAME("missing name"),
        BAD_COORDINATES("bad coordinates"),
        // communes of Paris, Lyon, Bordeaux: the national list names them, outside the region
        UNKNOWN_COMMUNE("outside the region");

        final String reason;

        Broken(String reason) {
            this.reason = reason;
        }
    }

    /**
     * What the file holds, as the importer must report it.
     *
     * @param rows       data rows in the file
     * @param valid      rows to insert: neither duplicates nor broken
     * @param byLocation valid rows by how they are located
     * @param duplicates rows repeating the Identifiant of an earlier valid row
     * @param broken     broken rows by kind
     */
    record Expected(long rows, long valid, Map<String, Long> byLocation, long duplicates, Map<Broken, Long> broken) {

        long rejected() {
            return duplicates + broken.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Rejects by the importer's reason. */
        Map<String, Long> rejectsByReason() {
            Map<String, Long> reasons = new TreeMap<>();
            broken.forEach((kind, n) -> reasons.merge(kind.reason, n, Long::sum));
            reasons.put("duplicate row", duplicates);
            reasons.values().removeIf(n -> n == 0);
            return reasons;
        }
    }

    /** The files written and what they hold. */
    record Output(Path csv, Path mapping, long bytes, int columns, Expected expected) {
    }

    static final String[] HEADER = {"Identifiant", "Nom", "Type de structure", "Thématiques", "Adresse", "Code postal",
        "Commune", "Code INSEE", "Latitude", "Longitude", "Site web", "Courriel", "Description"};
    private static final int ID = 0, NAME = 1, TYPE = 2, THEMES = 3, ADDRESS = 4, POSTCODE = 5, COMMUNE = 6,
            INSEE = 7, LAT = 8, LON = 9, WEBSITE = 10, EMAIL = 11, DESCRIPTION = 12;

    private static final String MAPPING = """
            # Mapping of the synthetic directory of ./atlas bench import (see importers/README.md).
            externalId: Identifiant
            name: Nom
            type:
              column: Type de structure
              values: { "Asso loi 1901": association, "EVS": centre_social, "SARL": ess }
              default: association
            themes:
              column: Thématiques
              values: { "Bien vivre ensemble": solidarites, "Agroécologie": alimentation }
            description: Description
            address: Adresse
            postcode: Code postal
            communeName: Commune
            communeCode: Code INSEE
            latitude: Latitude
            longitude: Longitude
            website: Site web
            email: Courriel
            """;

    static final double DUPLICATE_SHARE = 0.05;
    static final double BROKEN_SHARE = 0.01;
    private static final double BY_POINT = 0.40;
    private static final double BY_CODE = 0.30; // the rest: postcode + commune name

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    private final List<Commune> communes;
    private final long[] cumulativePopulation;
    private final long seed;

    SyntheticDirectory(List<Commune> communes, long seed) {
        if (communes.isEmpty()) {
            throw new IllegalStateException("the database has no communes to place actors in");
        }
        this.communes = List.copyOf(communes);
        this.seed = seed;
        this.cumulativePopulation = new long[communes.size()];
        long total = 0;
        for (int i = 0; i < communes.size(); i++) {
            total += Math.max(1, communes.get(i).population());
            cumulativePopulation[i] = total;
        }
    }

    /** The communes of the region with their first postcode and label point, in code order. */
    static List<Commune> communes(DatabaseConfig db) throws SQLException {
        List<Commune> communes = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT c.code, c.name, c.postcodes[1], ST_X(t.label_point), "
                     + "ST_Y(t.label_point), coalesce(c.population, 0) FROM commune c "
                     + "JOIN territory t ON t.kind = 'commune' AND t.code = c.code "
                     + "WHERE t.label_point IS NOT NULL ORDER BY c.code")) {
            while (rs.next()) {
                communes.add(new Commune(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
                        rs.getDouble(5), rs.getLong(6)));
            }
        }
        return communes;
    }

    /** Writes {@code actors.csv} with {@code rows} data rows and {@code actors.mapping.yaml} into {@code dir}. */
    Output write(Path dir, int rows) throws IOException {
        Path csv = dir.resolve("actors.csv");
        Path mapping = Files.writeString(dir.resolve("actors.mapping.yaml"), MAPPING);
        SplittableRandom plan = new SplittableRandom(seed);
        BitSet brokenActors = new BitSet();
        Map<String, Long> byLocation = new TreeMap<>();
        Map<Broken, Long> broken = new TreeMap<>();
        long valid = 0;
        long duplicates = 0;
        int actors = 0;
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            writeRow(out, HEADER);
            for (int row = 0; row < rows; row++) {
                double u = plan.nextDouble();
                if (u < DUPLICATE_SHARE && valid > 0) {
                    int repeated;
                    do {
                        repeated = 1 + plan.nextInt(actors);
                    } while (brokenActors.get(repeated));
                    writeRow(out, actor(repeated, null).cells);
                    duplicates++;
                    continue;
                }
                actors++;
                Broken kind = u < DUPLICATE_SHARE + BROKEN_SHARE ? Broken.values()[plan.nextInt(Broken.values().length)] : null;
                Actor actor = actor(actors, kind);
                writeRow(out, actor.cells);
                if (kind != null) {
                    brokenActors.set(actors);
                    broken.merge(kind, 1L, Long::sum);
                } else {
                    valid++;
                    byLocation.merge(actor.location, 1L, Long::sum);
                }
            }
        }
        Expected expected = new Expected(rows, valid, byLocation, duplicates, broken);
        return new Output(csv, mapping, Files.size(csv), HEADER.length, expected);
    }

    /** One row's cells, and how a valid row is located. */
    private record Actor(String[] cells, String location) {
    }

    /** Actor number {@code n}, drawn from its own stream: the same number always gives the same row. */
    private Actor actor(int n, Broken broken) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
        Commune commune = commune(r);
        String[] cells = new String[HEADER.length];
        Arrays.fill(cells, "");
        Words.Profile profile = Words.profile(r);
        String name = Words.name(r, profile, commune.name());
        String slug = slug(name);
        cells[ID] = String.format(Locale.ROOT, "OCC-%07d", n);
        cells[NAME] = name;
        cells[TYPE] = Words.pick(r, profile.types());
        cells[THEMES] = Words.themes(r);
        cells[WEBSITE] = r.nextDouble() < 0.75 ? Words.website(r, slug) : "";
        cells[EMAIL] = r.nextBoolean() ? "contact@" + slug + ".fr" : "";
        cells[DESCRIPTION] = Words.description(r, name, commune.name());
        String location = locate(r, commune, cells);
        if (broken != null) {
            breakRow(r, broken, cells);
        }
        return new Actor(cells, location);
    }

    private Commune commune(SplittableRandom r) {
        long at = r.nextLong(cumulativePopulation[cumulativePopulation.length - 1]);
        int i = Arrays.binarySearch(cumulativePopulation, at + 1);
        return communes.get(i >= 0 ? i : -i - 1);
    }

    /** Fills the location cells one of the three ways; returns which. */
    private static String locate(SplittableRandom r, Commune commune, String[] cells) {
        double u = r.nextDouble();
        if (u < BY_POINT) {
            // About 300 m around the label point: real addresses, and some fall in the neighbour commune.
            double lat = commune.lat() + r.nextGaussian() * 0.003;
            double lon = commune.lon() + r.nextGaussian() * 0.004;
            boolean swapped = r.nextDouble() < 0.02;
            boolean comma = r.nextDouble() < 0.30;
            cells[LAT] = degrees(swapped ? lon : lat, comma);
            cells[LON] = degrees(swapped ? lat : lon, comma);
            cells[ADDRESS] = Words.address(r);
            cells[POSTCODE] = commune.postcode();
            cells[COMMUNE] = commune.name();
            return "coordinates";
        }
        if (u < BY_POINT + BY_CODE) {
            cells[INSEE] = withoutLeadingZero(r, commune.code());
            return "INSEE code";
        }
        cells[POSTCODE] = withoutLeadingZero(r, commune.postcode());
        cells[COMMUNE] = spelled(r, commune.name());
        cells[ADDRESS] = r.nextBoolean() ? Words.address(r) : "";
        return "postcode + name";
    }

    private static void breakRow(SplittableRandom r, Broken broken, String[] cells) {
        switch (broken) {
            case MISSING_NAME -> cells[NAME] = r.nextBoolean() ? "" : "-";
            case BAD_COORDINATES -> {
                String[][] bad = {{"43°36'17\"N", "1°26'38\"E"}, {"43.6O4", "1.44"}, {"à compléter", "à compléter"}};
                String[] pair = bad[r.nextInt(bad.length)];
                cells[LAT] = pair[0];
                cells[LON] = pair[1];
                cells[POSTCODE] = "";
                cells[COMMUNE] = "";
                cells[INSEE] = "";
            }
            case UNKNOWN_COMMUNE -> {
                String[][] elsewhere = {{"", "", "75056"}, {"75011", "Paris", ""}, {"69003", "Lyon", ""}, {"", "", "33063"}};
                String[] place = elsewhere[r.nextInt(elsewhere.length)];
                cells[LAT] = "";
                cells[LON] = "";
                cells[POSTCODE] = place[0];
                cells[COMMUNE] = place[1];
                cells[INSEE] = place[2];
            }
        }
    }

    private static String degrees(double value, boolean decimalComma) {
        String text = String.format(Locale.ROOT, "%.6f", value);
        return decimalComma ? text.replace('.', ',') : text;
    }

    /** Spreadsheets read codes as numbers: "09100" becomes "9100" in about a third of the files. */
    private static String withoutLeadingZero(SplittableRandom r, String code) {
        return code != null && code.startsWith("0") && r.nextDouble() < 0.3 ? code.substring(1) : code;
    }

    /** A commune's name as people type it; every variant normalises to the same name. */
    private static String spelled(SplittableRandom r, String name) {
        double u = r.nextDouble();
        if (u < 0.40) {
            return name;
        }
        if (u < 0.55) {
            return plain(name).toUpperCase(Locale.ROOT);
        }
        if (u < 0.70 && name.contains("Saint")) {
            return name.replaceAll("\\bSainte\\b", "Ste").replaceAll("\\bSaint\\b", "St");
        }
        if (u < 0.80) {
            return plain(name);
        }
        if (u < 0.90) {
            return name.replace('-', ' ');
        }
        return " " + name.toLowerCase(Locale.ROOT) + " ";
    }

    static String plain(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    }

    private static String slug(String name) {
        String slug = NOT_SLUG.matcher(plain(name).toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-|-$", "");
        return slug.length() > 40 ? slug.substring(0, 40).replaceAll("-$", "") : slug;
    }

    /** One CSV record: cells quoted only when they hold the delimiter, a quote or a line break. */
    private static void writeRow(BufferedWriter out, String[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(';');
            }
            String cell = cells[i];
            if (cell.indexOf(';') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                out.write('"');
                out.write(cell.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(cell);
            }
        }
        out.write("\r\n"); // as spreadsheet software exports
    }

    /** The words of the rows: how people write types, themes, names, addresses and descriptions. */
    static final class Words {

        /** A kind of actor: how people write its type, and how its names start. */
        record Profile(int weight, List<String> types, List<String> prefixes) {
        }

        // Types as found in real exports; "Fondation", "Club" and "Amicale" are in no vocabulary
        // (the importer uses the mapping's default and counts them), "" takes the default.
        private static final List<Profile> PROFILES = List.of(
                new Profile(45, List.of("Association", "association", "Asso loi 1901", "ASSOCIATION", "Association loi 1901", ""),
                        List.of("Association", "Les Amis de", "Comité des fêtes de", "Foyer rural de", "MJC de")),
                new Profile(12, List.of("Tiers-lieu", "tiers lieu", "Tiers-Lieux", "Fablab", "Espace de coworking"),
                        List.of("La Fabrique", "Le Hangar", "La Ruche", "L'Atelier", "Le Bocal")),
                new Profile(8, List.of("Centre social", "Centre Social et Culturel", "EVS", "Espace de vie sociale"),
                        List.of("Centre social", "Espace de vie sociale", "Maison de quartier")),
                new Profile(12, List.of("Collectif citoyen", "Collectif d'habitants", "collectif", "Groupe d'habitants"),
                        List.of("Collectif", "Les Colibris de", "Alternatiba", "Citoyens de")),
                new Profile(10, List.of("SCOP", "SCIC", "Entreprise", "Coopérative", "SARL"),
                        List.of("SCIC", "Coopérative", "Épicerie solidaire", "Ressourcerie")),
                new Profile(6, List.of("Mairie", "Communauté de communes", "Commune", "Service public"),
                        List.of("Mairie de", "Commune de", "Médiathèque de")),
                new Profile(7, List.of("Fondation", "Autre", "Club", "Amicale"),
                        List.of("Fondation", "Amicale", "Club", "Jardin partagé")));
        private static final int TOTAL_WEIGHT = PROFILES.stream().mapToInt(Profile::weight).sum();

        private static final List<String> CORES = List.of("Les Colibris", "L'Escale", "Terre & Partage", "Le Grenier",
                "La Passerelle", "Les Jardins du Lien", "Pas à Pas", "Le Chaudron", "La Bricole", "Oc'Transition",
                "Les Petites Mains", "Vivre Ensemble", "L'Oustal", "La Graine", "Entre Deux Rives");

        // "Pétanque" is in no vocabulary (left out, counted); two values go through the mapping.
        private static final List<String> THEMES = List.of("Agriculture paysanne", "Jardins partagés", "alimentation",
                "AMAP", "Vélo", "Mobilité douce", "Repair café", "Zéro déchet", "Culture", "Théâtre", "musique",
                "Lien social", "Solidarité", "Insertion", "Numérique", "Éducation populaire", "Jeunesse",
                "Énergies renouvelables", "Habitat participatif", "Biodiversité", "Démocratie participative",
                "Pétanque", "Bien vivre ensemble", "Agroécologie", "Sport");
        private static final List<String> SEPARATORS = List.of(", ", ", ", ", ", " / ", "; ", ",");

        private static final List<String> STREETS = List.of("rue de la République", "avenue Jean Jaurès",
                "place de la Mairie", "chemin des Vignes", "rue Victor Hugo", "boulevard Gambetta", "impasse des Lilas",
                "route de Toulouse", "rue du Four");

        private static final List<String> SENTENCES = List.of(
                "Ateliers ouverts à tous le mercredi et le samedi, sur inscription.",
                "Créée en %3$d, la structure compte %4$d bénévoles ; les nouveaux venus sont bienvenus.",
                "Permanences à la salle des fêtes %2$s, entrée libre.",
                "Nous cherchons des \"coups de main\" pour les chantiers du printemps.",
                "Programme, horaires et contacts sur notre site.",
                "Repas partagé chaque premier vendredi du mois.");

        private Words() {
        }

        static Profile profile(SplittableRandom r) {
            int at = r.nextInt(TOTAL_WEIGHT);
            for (Profile p : PROFILES) {
                at -= p.weight();
                if (at < 0) {
                    return p;
                }
            }
            throw new IllegalStateException("weights");
        }

        static String pick(SplittableRandom r, List<String> values) {
            return values.get(r.nextInt(values.size()));
        }

        static String name(SplittableRandom r, Profile profile, String commune) {
            String prefix = pick(r, profile.prefixes());
            if (prefix.endsWith(" de")) {
                return prefix.substring(0, prefix.length() - 3) + " " + of(commune);
            }
            String core = pick(r, CORES);
            return r.nextDouble() < 0.4 ? prefix + " " + core + " " + of(commune) : prefix + " " + core;
        }

        /** "de Commune", elided and contracted as French does ("d'Albi", "du Vigan"). */
        private static String of(String commune) {
            if (commune.startsWith("Le ")) {
                return "du " + commune.substring(3);
            }
            if (commune.startsWith("Les ")) {
                return "des " + commune.substring(4);
            }
            return "AEIOUY".indexOf(plain(commune).charAt(0)) >= 0 ? "d'" + commune : "de " + commune;
        }

        /** None to three themes, with the separators people use. */
        static String themes(SplittableRandom r) {
            if (r.nextDouble() < 0.1) {
                return "";
            }
            String separator = pick(r, SEPARATORS);
            StringBuilder themes = new StringBuilder(pick(r, THEMES));
            for (int i = r.nextInt(3); i > 0; i--) {
                themes.append(separator).append(pick(r, THEMES));
            }
            return themes.toString();
        }

        static String website(SplittableRandom r, String slug) {
            return switch (r.nextInt(6)) {
                case 0 -> "www." + slug + ".fr";
                case 1 -> "https://www." + slug + ".org";
                case 2 -> "http://" + slug + ".fr/";
                case 3 -> "https://www.facebook.com/" + slug;
                case 4 -> slug + ".wixsite.com/accueil";
                default -> "https://" + slug + ".fr/contact";
            };
        }

        static String address(SplittableRandom r) {
            return r.nextDouble() < 0.15 ? "Lieu-dit La Borie" : (1 + r.nextInt(120)) + " " + pick(r, STREETS);
        }

        /** 100 to 200 characters; some with a line break (a quoted cell over two lines). */
        static String description(SplittableRandom r, String name, String commune) {
            int target = 100 + r.nextInt(101);
            String separator = r.nextDouble() < 0.02 ? "\n" : " ";
            String ofCommune = of(commune);
            StringBuilder text = new StringBuilder(name).append(" rassemble des habitants ").append(ofCommune)
                    .append(" autour de : ").append(pick(r, THEMES).toLowerCase(Locale.ROOT)).append('.');
            // The sentences in turn from a random one: none twice while there are others.
            for (int i = r.nextInt(SENTENCES.size()); text.length() < target; i++) {
                text.append(separator).append(String.format(Locale.ROOT, SENTENCES.get(i % SENTENCES.size()), name,
                        ofCommune, 1980 + r.nextInt(45), 3 + r.nextInt(200)));
            }
            if (text.length() <= 200) {
                return text.toString();
            }
            int cut = text.lastIndexOf(" ", 199);
            return text.substring(0, cut > 0 ? cut : 199) + "…";
        }
    }
}
