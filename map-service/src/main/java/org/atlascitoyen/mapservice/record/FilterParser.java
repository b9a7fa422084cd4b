package org.atlascitoyen.mapservice.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.record.Category;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.system.AtlasProperties;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.system.FourDigitYear;
import org.atlascitoyen.mapservice.system.SearchText;
import org.atlascitoyen.mapservice.territory.TerritoryKind;
import org.atlascitoyen.mapservice.territory.TerritoryKeys;
import org.atlascitoyen.mapservice.territory.TerritoryRef;
import org.springframework.stereotype.Component;

/**
 * Checks {@link FilterParams} into a {@link Filter}: every malformed, out-of-range or unknown
 * value is a 400 that names its parameter and says what was expected.
 */
@Component
public class FilterParser {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Vocabularies vocabularies;
    private final TerritoryKeys territories;
    private final AtlasProperties limits;

    FilterParser(Vocabularies vocabularies, TerritoryKeys territories, AtlasProperties limits) {
        this.vocabularies = vocabularies;
        this.territories = territories;
        this.limits = limits;
    }

    public Filter parse(RecordKind kind, FilterParams p) {
        if (p == null) {
            return Filter.all(kind);
        }
        List<String> categories = List.of();
        for (Category category : categories()) {
            List<String> codes = codes(category.parameter(), p.category(category.parameter()),
                    vocabularies.labels(category));
            if (category.equals(kind.category())) {
                categories = codes;
            } else if (!codes.isEmpty()) {
                // Refused rather than ignored: a list that ignored it would look filtered.
                throw new BadParameterException(category.parameter(), capitalized(kind.path()) + " have no "
                        + category.parameter() + "; filter them by " + kind.category().parameter() + " or theme");
            }
        }
        return new Filter(kind, bbox(p.bbox()), near(p.near(), p.radius()), territory(p.territory()),
                codes("theme", p.theme(), vocabularies.themes()), categories, SearchText.of("q", p.q()),
                updatedSince(p.updatedSince()), period(kind, p.from(), p.to()), territoryTypes(kind, p.territoryType()));
    }

    /** {@code territoryType} of experiences; refused for other kinds, as {@code from} and {@code to} are. */
    private static List<String> territoryTypes(RecordKind kind, List<String> values) {
        Map<String, String> known = new LinkedHashMap<>();
        Filter.TERRITORY_TYPES.forEach(code -> known.put(code, code));
        List<String> codes = codes("territoryType", values, known);
        if (!codes.isEmpty() && kind != RecordKind.EXPERIENCE) {
            throw new BadParameterException("territoryType", capitalized(kind.path())
                    + " have no kind of territory to filter on; territoryType filters experiences");
        }
        return codes;
    }

    /** {@code from} and {@code to} of events; refused for other kinds (a list that ignored them would look filtered). */
    private static Filter.Period period(RecordKind kind, String from, String to) {
        if (blank(from) && blank(to)) {
            return null;
        }
        if (kind != RecordKind.EVENT) {
            throw new BadParameterException(blank(from) ? "to" : "from", capitalized(kind.path())
                    + " have no dates to filter on; from and to filter events");
        }
        OffsetDateTime start = instant("from", from, false);
        OffsetDateTime end = instant("to", to, true);
        if (start != null && end != null && !end.isAfter(start)) {
            throw new BadParameterException("to", "to must come after from; got from=" + from + " and to=" + to);
        }
        return new Filter.Period(start, end);
    }

    /** An ISO date (Paris time: its start, or with {@code endOfDay} the next day's start) or date-time with offset. */
    private static OffsetDateTime instant(String parameter, String value, boolean endOfDay) {
        if (blank(value)) {
            return null;
        }
        String v = value.strip();
        try {
            OffsetDateTime instant = v.length() == 10
                    ? LocalDate.parse(v).plusDays(endOfDay ? 1 : 0).atStartOfDay(PARIS).toOffsetDateTime()
                    : OffsetDateTime.parse(v);
            return FourDigitYear.require(parameter, instant, value);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(parameter, parameter + " is an ISO date (2026-01-31) or date-time with offset "
                    + "(2026-01-31T08:00:00Z), got '" + value + "'");
        }
    }

    /** The categories of every kind, once each. */
    private static List<Category> categories() {
        return Arrays.stream(RecordKind.values()).map(RecordKind::category).distinct().toList();
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** {@code minLon,minLat,maxLon,maxLat}, west before east and south before north. */
    public static Filter.Bbox bbox(String value) {
        if (blank(value)) {
            return null;
        }
        double[] n = numbers("bbox", value, 4, "minLon,minLat,maxLon,maxLat (WGS84 degrees)");
        requireLon("bbox", n[0]);
        requireLat("bbox", n[1]);
        requireLon("bbox", n[2]);
        requireLat("bbox", n[3]);
        if (n[0] >= n[2] || n[1] >= n[3]) {
            throw new BadParameterException("bbox", "bbox is minLon,minLat,maxLon,maxLat with min < max; got '" + value
                    + "' (are the corners swapped, or lat given before lon?)");
        }
        return new Filter.Bbox(n[0], n[1], n[2], n[3]);
    }

    private Filter.Near near(String value, String radius) {
        if (blank(value)) {
            if (!blank(radius)) {
                throw new BadParameterException("radius", "radius needs near=lon,lat");
            }
            return null;
        }
        double[] point = numbers("near", value, 2, "lon,lat (WGS84 degrees)");
        requireLon("near", point[0]);
        requireLat("near", point[1]);
        double metres = limits.nearRadiusDefault();
        if (!blank(radius)) {
            try {
                metres = Double.parseDouble(radius.strip());
            } catch (NumberFormatException e) {
                throw new BadParameterException("radius", "radius is a distance in metres, got '" + radius + "'");
            }
        }
        if (!(metres > 0 && metres <= limits.nearRadiusMax())) {
            throw new BadParameterException("radius", "radius must be more than 0 and at most " + limits.nearRadiusMax()
                    + " metres, got " + radius);
        }
        return new Filter.Near(point[0], point[1], metres);
    }

    private Filter.Territory territory(String value) {
        if (blank(value)) {
            return null;
        }
        String v = value.strip();
        int colon = v.indexOf(':');
        if (colon < 1 || colon == v.length() - 1) {
            throw new BadParameterException("territory", "territory is KIND:CODE (e.g. epci:243100518), got '" + value + "'");
        }
        TerritoryKind kind = TerritoryKind.parse(v.substring(0, colon), "territory");
        String code = v.substring(colon + 1);
        // A former code (2015 QPV, PETR slug) with one successor filters on it; see TerritoryKeys.
        TerritoryRef current = territories.resolve(kind, code, "territory").orElseThrow(() ->
                new BadParameterException("territory", "No " + kind.key() + " with code '" + code + "'"));
        return new Filter.Territory(kind, current.code());
    }

    private static List<String> codes(String parameter, List<String> values, Map<String, String> known) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        for (String value : values) {
            if (blank(value)) {
                continue;
            }
            String code = value.strip();
            if (!known.containsKey(code)) {
                throw new BadParameterException(parameter, "Unknown " + parameter + " '" + code + "'; expected one of "
                        + String.join(", ", known.keySet()));
            }
            codes.add(code);
        }
        return new ArrayList<>(codes);
    }

    private static OffsetDateTime updatedSince(String value) {
        if (blank(value)) {
            return null;
        }
        String v = value.strip();
        try {
            return FourDigitYear.require("updatedSince",
                    v.length() == 10 ? LocalDate.parse(v).atStartOfDay(PARIS).toOffsetDateTime() : OffsetDateTime.parse(v), value);
        } catch (DateTimeParseException e) {
            throw new BadParameterException("updatedSince", "updatedSince is an ISO date (2026-01-31) or date-time "
                    + "with offset (2026-01-31T08:00:00Z), got '" + value + "'");
        }
    }

    private static double[] numbers(String parameter, String value, int count, String expected) {
        String[] parts = value.split(",", -1);
        if (parts.length != count) {
            throw new BadParameterException(parameter, parameter + " is " + expected + ", got '" + value + "'");
        }
        double[] numbers = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                numbers[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new BadParameterException(parameter, parameter + " is " + expected + "; '" + parts[i] + "' is not a number");
            }
            if (!Double.isFinite(numbers[i])) {
                throw new BadParameterException(parameter, parameter + " is " + expected + "; '" + parts[i] + "' is not a number");
            }
        }
        return numbers;
    }

    private static void requireLon(String parameter, double lon) {
        if (lon < -180 || lon > 180) {
            throw new BadParameterException(parameter, "Longitude " + lon + " in " + parameter + " is outside -180..180");
        }
    }

    private static void requireLat(String parameter, double lat) {
        if (lat < -90 || lat > 90) {
            throw new BadParameterException(parameter, "Latitude " + lat + " in " + parameter + " is outside -90..90");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
