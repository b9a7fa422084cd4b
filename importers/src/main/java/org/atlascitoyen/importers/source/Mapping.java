package org.atlascitoyen.importers.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.atlascitoyen.importers.load.MalformedFileException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Which column of a source holds which {@link Field}, read from a JSON or YAML mapping file (see
 * importers/README.md). Each field maps to a {@link Rule}: a column, or a constant, with optional
 * value translations for types, themes and statuses.
 */
public final class Mapping {

    /**
     * How one field is read. {@code column} names the source column (or property); {@code constant}
     * replaces it for every row; {@code separator} splits multi-valued cells; {@code values}
     * translates source values to vocabulary codes; {@code defaultValue} applies when the cell is
     * empty or unknown. The normalised form of the translations and the split pattern are made
     * once here, not for every row.
     */
    public static final class Rule {

        private static final Pattern DEFAULT_SEPARATORS = Pattern.compile("\\s*[,;|/]\\s*");

        private final String column;
        private final String constant;
        private final String separator;
        private final Map<String, List<String>> values;
        private final String defaultValue;
        private final Map<String, List<String>> byNormalizedValue = new HashMap<>();
        private final Pattern split;

        public Rule(String column, String constant, String separator, Map<String, List<String>> values, String defaultValue) {
            this.column = column;
            this.constant = constant;
            this.separator = separator;
            this.values = values;
            this.defaultValue = defaultValue;
            values.forEach((value, codes) -> byNormalizedValue.putIfAbsent(Names.normalize(value), codes));
            this.split = separator == null ? DEFAULT_SEPARATORS : Pattern.compile("\\s*" + Pattern.quote(separator) + "\\s*");
        }

        public static Rule column(String column) {
            return new Rule(column, null, null, Map.of(), null);
        }

        public String column() {
            return column;
        }

        public String constant() {
            return constant;
        }

        public String separator() {
            return separator;
        }

        public Map<String, List<String>> values() {
            return values;
        }

        public String defaultValue() {
            return defaultValue;
        }

        /** Splits a multi-valued cell on the separator, or on , ; | / when none is given. */
        public Pattern split() {
            return split;
        }

        /** The vocabulary codes a source value translates to, if the mapping says. */
        public Optional<List<String>> translate(String value) {
            List<String> exact = values.get(value);
            return Optional.ofNullable(exact != null ? exact : byNormalizedValue.get(Names.normalize(value)));
        }

        /** Equal when the five settings are (the derived lookups follow from them). */
        @Override
        public boolean equals(Object other) {
            return other instanceof Rule r && Objects.equals(column, r.column) && Objects.equals(constant, r.constant)
                    && Objects.equals(separator, r.separator) && values.equals(r.values)
                    && Objects.equals(defaultValue, r.defaultValue);
        }

        @Override
        public int hashCode() {
            return Objects.hash(column, constant, separator, values, defaultValue);
        }

        @Override
        public String toString() {
            return "Rule[column=" + column + ", constant=" + constant + ", separator=" + separator + ", values=" + values
                    + ", defaultValue=" + defaultValue + "]";
        }
    }

    private static final List<String> RULE_KEYS = List.of("column", "value", "separator", "values", "default");

    private static final List<String> LICENCE_KEYS = List.of("name", "url", "attribution");

    private final Map<Field, Rule> rules;
    private final String origin;
    private final SourceLicence licence;
    private final NaturalPersonSettings naturalPersons;

    public Mapping(Map<Field, Rule> rules, String origin) {
        this(rules, origin, SourceLicence.NONE);
    }

    /** A mapping that also says under which licence the source's data is ({@code licence} in the file). */
    public Mapping(Map<Field, Rule> rules, String origin, SourceLicence licence) {
        this(rules, origin, licence, NaturalPersonSettings.NONE);
    }

    /**
     * A mapping with its {@code naturalPersons} block: the block's columns are read as the fields
     * {@link Field#NATURAL_PERSON} and {@link Field#LEGAL_FORM}, so that every reader fills them.
     */
    public Mapping(Map<Field, Rule> rules, String origin, SourceLicence licence, NaturalPersonSettings naturalPersons) {
        Map<Field, Rule> all = new EnumMap<>(Field.class);
        all.putAll(rules);
        all.remove(Field.NATURAL_PERSON);
        all.remove(Field.LEGAL_FORM);
        if (naturalPersons.column() != null) {
            all.put(Field.NATURAL_PERSON, Rule.column(naturalPersons.column()));
        }
        if (naturalPersons.legalFormColumn() != null) {
            all.put(Field.LEGAL_FORM, Rule.column(naturalPersons.legalFormColumn()));
        }
        this.rules = all.isEmpty() ? Map.of() : all;
        this.origin = origin;
        this.licence = licence;
        this.naturalPersons = naturalPersons;
    }

    public static Mapping empty(String origin) {
        return new Mapping(Map.of(), origin);
    }

    public Optional<Rule> rule(Field field) {
        return Optional.ofNullable(rules.get(field));
    }

    /** How a multi-valued cell of the field splits: its rule's separator, else , ; | / */
    public Pattern split(Field field) {
        return rule(field).map(Rule::split).orElse(Rule.DEFAULT_SEPARATORS);
    }

    public Map<Field, Rule> rules() {
        return rules;
    }

    /** The licence the file declares for its source ({@link SourceLicence#NONE} when it declares none). */
    public SourceLicence licence() {
        return licence;
    }

    /** How the source flags natural persons ({@link NaturalPersonSettings#NONE} when it does not). */
    public NaturalPersonSettings naturalPersons() {
        return naturalPersons;
    }

    /** Where the mapping came from, for messages. */
    public String origin() {
        return origin;
    }

    /** This mapping with the rules of {@code other} added or replacing its own. */
    public Mapping with(Mapping other) {
        Map<Field, Rule> merged = new EnumMap<>(Field.class);
        merged.putAll(rules);
        merged.putAll(other.rules);
        return new Mapping(merged, other.origin, other.licence.orElse(licence),
                other.naturalPersons.active() ? other.naturalPersons : naturalPersons);
    }

    /** Reads a mapping file: YAML when its name ends in .yaml or .yml, JSON otherwise. */
    public static Mapping load(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase();
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml")
                ? YAMLMapper.builder().build() : JsonMapper.builder().build();
        JsonNode root;
        try {
            root = mapper.readTree(Files.readString(file));
        } catch (JacksonException e) {
            throw new MalformedFileException("mapping " + file + ": cannot be read: " + e.getOriginalMessage(), e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new MalformedFileException("mapping " + file + ": not UTF-8 text", e);
        }
        return parse(root, "mapping " + file);
    }

    static Mapping parse(JsonNode root, String origin) {
        if (root == null || !root.isObject()) {
            throw new MalformedFileException(origin + ": expected an object of field: column");
        }
        Map<Field, Rule> rules = new EnumMap<>(Field.class);
        SourceLicence licence = SourceLicence.NONE;
        NaturalPersonSettings naturalPersons = NaturalPersonSettings.NONE;
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            if (entry.getKey().equals("licence")) {
                licence = licence(entry.getValue(), origin + ", licence");
                continue;
            }
            if (entry.getKey().equals("naturalPersons")) {
                naturalPersons = NaturalPersonSettings.parse(entry.getValue(), origin + ", naturalPersons");
                continue;
            }
            Field field = Field.byKey(entry.getKey());
            if (field == null) {
                throw new MalformedFileException(origin + ": unknown field '" + entry.getKey() + "'; fields are: " + Field.keys());
            }
            rules.put(field, rule(entry.getValue(), origin + ", field " + entry.getKey()));
        }
        requireOneTerritoryForm(rules, origin);
        return new Mapping(rules, origin, licence, naturalPersons);
    }

    /**
     * The source's licence: {@code licence: ODbL-1.0}, or an object with {@code name}, {@code url}
     * and {@code attribution} (each optional but the URL needs the name).
     */
    private static SourceLicence licence(JsonNode node, String where) {
        try {
            if (node.isString()) {
                return SourceLicence.of(node.asString(), null, null);
            }
            if (!node.isObject()) {
                throw new MalformedFileException(where + ": expected a licence name or an object with name, url, attribution");
            }
            for (String key : node.propertyNames()) {
                if (!LICENCE_KEYS.contains(key)) {
                    throw new MalformedFileException(where + ": unknown option '" + key + "'; options are: "
                            + String.join(", ", LICENCE_KEYS));
                }
            }
            return SourceLicence.of(text(node, "name", where), text(node, "url", where), text(node, "attribution", where));
        } catch (IllegalArgumentException e) {
            throw new MalformedFileException(where + ": " + e.getMessage());
        }
    }

    /** The territory is one KIND:CODE column or a level and a code column: both halves of the pair, and not both forms. */
    private static void requireOneTerritoryForm(Map<Field, Rule> rules, String origin) {
        boolean level = rules.containsKey(Field.TERRITORY_LEVEL);
        boolean code = rules.containsKey(Field.TERRITORY_CODE);
        if (level != code) {
            throw new MalformedFileException(origin + ": '" + (level ? Field.TERRITORY_LEVEL : Field.TERRITORY_CODE).key()
                    + "' needs '" + (level ? Field.TERRITORY_CODE : Field.TERRITORY_LEVEL).key()
                    + "': the territory in two columns is a level (commune, epci, departement, region...) and a code");
        }
        if (level && rules.containsKey(Field.TERRITORY)) {
            throw new MalformedFileException(origin + ": give either 'territory' (one KIND:CODE column) or '"
                    + Field.TERRITORY_LEVEL.key() + "' and '" + Field.TERRITORY_CODE.key() + "', not both");
        }
    }

    private static Rule rule(JsonNode node, String where) {
        if (node.isString()) {
            return Rule.column(node.asString());
        }
        if (!node.isObject()) {
            throw new MalformedFileException(where + ": expected a column name or an object with 'column'");
        }
        for (String key : node.propertyNames()) {
            if (!RULE_KEYS.contains(key)) {
                throw new MalformedFileException(where + ": unknown option '" + key + "'; options are: " + String.join(", ", RULE_KEYS));
            }
        }
        String column = text(node, "column", where);
        String constant = text(node, "value", where);
        if ((column == null) == (constant == null) && node.get("default") == null) {
            throw new MalformedFileException(where + ": give either 'column' or 'value'");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        JsonNode map = node.path("values");
        if (!map.isMissingNode()) {
            if (!map.isObject()) {
                throw new MalformedFileException(where + ": 'values' must be an object of source value: code");
            }
            for (Map.Entry<String, JsonNode> v : map.properties()) {
                List<String> codes = new ArrayList<>();
                if (v.getValue().isArray()) {
                    v.getValue().values().forEach(c -> codes.add(c.asString()));
                } else if (v.getValue().isNull()) {
                    // "values: {Autre: null}": a value known to map to nothing
                } else {
                    codes.add(v.getValue().asString());
                }
                values.put(v.getKey(), List.copyOf(codes));
            }
        }
        return new Rule(column, constant, text(node, "separator", where), values, text(node, "default", where));
    }

    private static String text(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new MalformedFileException(where + ": '" + key + "' must be a text");
        }
        return value.asString();
    }
}
