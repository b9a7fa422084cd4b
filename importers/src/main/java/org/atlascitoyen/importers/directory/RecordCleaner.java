package org.atlascitoyen.importers.directory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.atlascitoyen.importers.load.CopyRows;
import org.atlascitoyen.importers.locate.Coordinates;
import org.atlascitoyen.importers.source.Field;
import org.atlascitoyen.importers.source.Mapping;
import org.atlascitoyen.importers.source.Names;
import org.atlascitoyen.importers.source.SourceRow;

/**
 * Turns a {@link SourceRow} into a staged row: trims and checks each field, translates types,
 * themes and statuses to vocabulary codes, reads coordinates and dates, derives the website host
 * and the content hash. A row that cannot be kept is staged with its reject reason, so that the
 * report and the reject file list it with its line.
 */
public final class RecordCleaner {

    /** The staging columns, in the order {@link #stage} writes them. */
    public static final String[] COLUMNS = {"line", "external_id", "name", "name_search", "type", "status", "themes",
        "description", "lessons_learned", "start_date", "end_date", "address", "postcode", "commune_name",
        "commune_name_search", "commune_code", "territory_kind", "territory_code", "lon", "lat", "coordinates_note",
        "website", "website_host", "email", "phone", "siren", "rna", "carriers", "content_hash", "reject", "reject_detail"};

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Set<String> TERRITORY_KINDS = Set.of("commune", "epci", "petr", "bassin_vie", "departement", "region", "pnr", "qpv");

    private final RecordKind kind;
    private final Mapping mapping;
    private final Vocabularies vocabularies;
    private final Coordinates coordinates;
    private final Tally tally;
    private final boolean themesFromDescription;
    private final MessageDigest digest;

    /**
     * @param themesFromDescription also derive themes from the description's words, with the
     *                              vocabulary's synonyms (the RNA's "objet")
     */
    public RecordCleaner(RecordKind kind, Mapping mapping, Vocabularies vocabularies, Coordinates coordinates,
                         Tally tally, boolean themesFromDescription) {
        this.kind = kind;
        this.themesFromDescription = themesFromDescription;
        this.mapping = mapping;
        this.vocabularies = vocabularies;
        this.coordinates = coordinates;
        this.tally = tally;
        try {
            this.digest = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java platform", e);
        }
    }

    /** Cleans one row and writes it to the staging COPY, rejected or not. */
    public void stage(SourceRow row, CopyRows copy) throws SQLException {
        Cleaned c = new Cleaned();
        try {
            clean(row, c);
            c.reject = row.rejectReason();
            c.rejectDetail = row.rejectDetail();
        } catch (Rejected r) {
            c.reject = r.reason;
            c.rejectDetail = r.detail;
        }
        if (c.name == null) {
            c.name = truncate(text(row, Field.NAME));
        }
        copy.row(row.line(), c.externalId, c.name, c.nameSearch, c.type, c.status, c.themes, c.description,
                c.lessonsLearned, c.startDate, c.endDate, c.address, c.postcode, c.communeName,
                Names.normalize(c.communeName), c.communeCode, c.territoryKind, c.territoryCode, c.lon, c.lat,
                c.coordinatesNote, c.website, c.websiteHost, c.email, c.phone, c.siren, c.rna, c.carriers,
                c.reject == null ? hash(c) : null, c.reject, c.rejectDetail);
    }

    /** The cleaned values of one row. */
    private static final class Cleaned {
        String externalId, name, nameSearch, type, status, description, lessonsLearned, address, postcode;
        String communeName, communeCode, territoryKind, territoryCode, coordinatesNote, website, websiteHost;
        String email, phone, siren, rna, reject, rejectDetail;
        java.time.LocalDate startDate, endDate;
        Double lon, lat;
        List<String> themes = List.of();
        List<String> carriers;
    }

    /** A row that cannot be kept, and why. */
    private static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        final String reason;
        final String detail;

        Rejected(String reason, String detail) {
            super(reason, null, false, false);
            this.reason = reason;
            this.detail = detail;
        }
    }

    private void clean(SourceRow row, Cleaned c) throws Rejected {
        for (Field f : Field.values()) {
            String v = row.get(f);
            if (v != null && v.length() > f.maxLength()) {
                throw new Rejected("field too long", f.key() + " has " + v.length() + " characters (at most " + f.maxLength() + ")");
            }
        }
        c.name = text(row, Field.NAME);
        if (c.name == null) {
            throw new Rejected("missing name", "the name is empty");
        }
        c.nameSearch = Names.normalize(c.name);
        if (c.nameSearch.isEmpty()) {
            throw new Rejected("missing name", "the name '" + c.name + "' has no letter or digit");
        }
        c.description = multiline(row, Field.DESCRIPTION);
        c.address = text(row, Field.ADDRESS);
        c.postcode = code(text(row, Field.POSTCODE));
        c.communeName = text(row, Field.COMMUNE_NAME);
        c.communeCode = code(text(row, Field.COMMUNE_CODE));
        c.website = website(text(row, Field.WEBSITE));
        c.websiteHost = host(c.website);
        c.themes = themes(row);
        territory(row, c);
        point(row, c);
        if (kind == RecordKind.ACTOR) {
            c.type = term(row, Field.TYPE, vocabularies.types(), "autre");
            c.email = text(row, Field.EMAIL);
            c.phone = text(row, Field.PHONE);
            c.siren = siren(text(row, Field.SIREN));
            c.rna = rna(text(row, Field.RNA));
        } else {
            c.status = term(row, Field.STATUS, vocabularies.statuses(), "en_cours");
            c.lessonsLearned = multiline(row, Field.LESSONS_LEARNED);
            c.startDate = Dates.read(text(row, Field.START_DATE), false, tally);
            c.endDate = Dates.read(text(row, Field.END_DATE), true, tally);
            if (c.startDate != null && c.endDate != null && c.endDate.isBefore(c.startDate)) {
                tally.add("end date before start date: end date left out");
                c.endDate = null;
            }
            c.carriers = list(row, Field.CARRIERS);
        }
        c.externalId = text(row, Field.EXTERNAL_ID);
        if (c.externalId == null) {
            c.externalId = "h:" + digest(c.nameSearch, String.valueOf(c.communeCode), Names.normalize(c.communeName),
                    String.valueOf(c.postcode), Names.normalize(c.address)).substring(0, 20);
        }
    }

    /** The raw text of a field (or the mapping's constant or default), trimmed to one line; null when empty. */
    private String text(SourceRow row, Field field) {
        String v = multiline(row, field);
        return v == null || !needsSpacing(v) ? v : WHITESPACE.matcher(v).replaceAll(" ");
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

    private String multiline(SourceRow row, Field field) {
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

    private static boolean isTranslated(Field field) {
        return field == Field.TYPE || field == Field.STATUS || field == Field.THEMES;
    }

    private List<String> list(SourceRow row, Field field) {
        String v = text(row, field);
        if (v == null) {
            return null;
        }
        return Arrays.stream(mapping.split(field).split(v)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private List<String> themes(SourceRow row) {
        Set<String> codes = new LinkedHashSet<>();
        List<String> values = list(row, Field.THEMES);
        Mapping.Rule rule = mapping.rule(Field.THEMES).orElse(null);
        if (values != null) {
            for (String value : values) {
                Optional<List<String>> mapped = rule == null ? Optional.empty() : rule.translate(value);
                if (mapped.isPresent()) {
                    mapped.get().stream().filter(vocabularies.themes()::isCode).forEach(codes::add);
                } else {
                    vocabularies.themes().lookup(value).ifPresentOrElse(codes::add, () -> tally.add("unknown theme (left out)", value));
                }
            }
        }
        if (themesFromDescription) {
            codes.addAll(vocabularies.themes().findIn(row.get(Field.DESCRIPTION)));
        }
        return new ArrayList<>(codes);
    }

    /**
     * A type or a status: the mapping's translation, else the vocabulary, else the default. With a
     * separator (GoGoCarto categories), the first of the values that translates wins.
     */
    private String term(SourceRow row, Field field, Vocabulary vocabulary, String fallback) {
        Mapping.Rule rule = mapping.rule(field).orElse(null);
        String fallbackCode = rule != null && rule.defaultValue() != null && vocabulary.isCode(rule.defaultValue())
                ? rule.defaultValue() : fallback;
        String value = text(row, field);
        if (value == null) {
            return fallbackCode;
        }
        List<String> values = rule != null && rule.separator() != null ? list(row, field) : List.of(value);
        for (String v : values) {
            Optional<List<String>> mapped = rule == null ? Optional.empty() : rule.translate(v);
            if (mapped.isPresent() && !mapped.get().isEmpty() && vocabulary.isCode(mapped.get().get(0))) {
                return mapped.get().get(0);
            }
        }
        for (String v : values) {
            Optional<String> found = vocabulary.lookup(v);
            if (found.isPresent()) {
                return found.get();
            }
        }
        tally.add("unknown " + field.key() + " (" + fallbackCode + " used)", value);
        return fallbackCode;
    }

    private void territory(SourceRow row, Cleaned c) throws Rejected {
        String v = text(row, Field.TERRITORY);
        if (v == null) {
            return;
        }
        int colon = v.indexOf(':');
        String territoryKind = colon < 0 ? "" : v.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        if (colon < 0 || !TERRITORY_KINDS.contains(territoryKind)) {
            throw new Rejected("bad territory", "'" + v + "' is not KIND:CODE with KIND one of " + TERRITORY_KINDS);
        }
        c.territoryKind = territoryKind;
        c.territoryCode = v.substring(colon + 1).strip().toUpperCase(Locale.ROOT);
    }

    private void point(SourceRow row, Cleaned c) throws Rejected {
        Coordinates.Point p;
        try {
            String pair = text(row, Field.LAT_LON);
            p = pair != null ? coordinates.readPair(pair) : coordinates.read(text(row, Field.LATITUDE), text(row, Field.LONGITUDE));
        } catch (Coordinates.Unreadable e) {
            if (c.communeCode == null && c.communeName == null && c.postcode == null && c.territoryKind == null) {
                throw new Rejected("bad coordinates", e.getMessage() + ", and no commune to fall back on");
            }
            tally.add("unreadable coordinates: located by commune");
            c.coordinatesNote = "unreadable";
            return;
        }
        if (p != null) {
            c.lon = round(p.lon());
            c.lat = round(p.lat());
            if (p.swapped()) {
                tally.add("latitude and longitude swapped: fixed");
                c.coordinatesNote = "swapped";
            }
        }
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }

    /** INSEE codes and postcodes lose their leading zero in spreadsheets ("9122" for 09122). */
    private static String code(String v) {
        if (v == null) {
            return null;
        }
        String c = v.replace(" ", "").toUpperCase(Locale.ROOT);
        if (c.endsWith(".0")) {
            c = c.substring(0, c.length() - 2); // a number cell exported as 31555.0
        }
        return c.length() == 4 && Character.isDigit(c.charAt(0)) ? "0" + c : c;
    }

    private static String website(String v) {
        if (v == null) {
            return null;
        }
        return v.matches("(?i)^[a-z][a-z0-9+.-]*://.*") ? v : "https://" + v;
    }

    /** The host of a website, lower case, without "www.": a dedup key. */
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

    private static String siren(String v) {
        if (v == null) {
            return null;
        }
        String digits = v.replaceAll("\\D", "");
        return digits.length() == 9 || digits.length() == 14 ? digits.substring(0, 9) : null;
    }

    private static String rna(String v) {
        if (v == null) {
            return null;
        }
        String id = v.replace(" ", "").toUpperCase(Locale.ROOT);
        return id.matches("W[0-9A-Z]{9}") ? id : null;
    }

    private static String truncate(String v) {
        return v == null || v.length() <= 300 ? v : v.substring(0, 300) + "…";
    }

    private String hash(Cleaned c) {
        return digest(c.externalId, c.name, c.type, c.status, String.valueOf(c.themes), c.description,
                c.lessonsLearned, String.valueOf(c.startDate), String.valueOf(c.endDate), c.address, c.postcode,
                c.communeName, c.communeCode, c.territoryKind, c.territoryCode, String.valueOf(c.lon),
                String.valueOf(c.lat), c.website, c.email, c.phone, c.siren, c.rna, String.valueOf(c.carriers));
    }

    private String digest(String... values) {
        digest.reset();
        for (String v : values) {
            if (v != null) {
                digest.update(v.getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
