package org.atlascitoyen.importers.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.atlascitoyen.importers.load.MalformedFileException;
import tools.jackson.databind.JsonNode;

/**
 * The mapping's {@code naturalPersons} block: how a source tells that a row's name is a natural
 * person's (a sole trader, a director), and what the import does with such a row (importers/README.md,
 * "Natural persons").
 *
 * @param column          a column saying so (null: none); a cell whose value is one of {@code yesValues} flags the row
 * @param yesValues       the values of {@code column} that mean yes, normalised ({@link Names#normalize})
 * @param legalFormColumn a column holding the INSEE legal form (catégorie juridique): 1000 and the 1xxx range are natural persons
 * @param nameRules       apply the name rules (civility prefix, sole-trader markers)
 * @param action          what becomes of a flagged row
 */
public record NaturalPersonSettings(String column, Set<String> yesValues, String legalFormColumn, boolean nameRules,
                                    Action action) {

    /** What an import does with a row flagged as a natural person's. */
    public enum Action {
        /** Import the row with a neutral name; the real name is kept in a private column until the person consents. */
        HIDE,
        /** Reject the row, reason "personne physique". */
        REJECT;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A source that flags nothing. */
    public static final NaturalPersonSettings NONE = new NaturalPersonSettings(null, Set.of(), null, false, Action.HIDE);

    /** What {@code column} says yes with when the block gives no {@code values}. */
    static final List<String> DEFAULT_YES = List.of("oui", "o", "yes", "y", "true", "vrai", "1", "x",
            "pp", "personne physique");

    private static final List<String> KEYS = List.of("column", "values", "legalFormColumn", "rules", "action");

    /** Whether the block flags anything at all. */
    public boolean active() {
        return column != null || legalFormColumn != null || nameRules;
    }

    /**
     * Reads the block: {@code column}, {@code values} (a list, or one value), {@code legalFormColumn},
     * {@code rules} (true/false) and {@code action} (hide or reject, default hide).
     */
    static NaturalPersonSettings parse(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new MalformedFileException(where + ": expected an object with " + String.join(", ", KEYS));
        }
        for (String key : node.propertyNames()) {
            if (!KEYS.contains(key)) {
                throw new MalformedFileException(where + ": unknown option '" + key + "'; options are: " + String.join(", ", KEYS));
            }
        }
        String column = text(node, "column", where);
        List<String> values = new ArrayList<>();
        JsonNode given = node.path("values");
        if (given.isArray()) {
            given.values().forEach(v -> values.add(v.asString()));
        } else if (given.isValueNode() && !given.isNull()) {
            values.add(given.asString());
        } else if (!given.isMissingNode() && !given.isNull()) {
            throw new MalformedFileException(where + ": 'values' must be a list of the values that mean yes");
        }
        if (!values.isEmpty() && column == null) {
            throw new MalformedFileException(where + ": 'values' needs 'column'");
        }
        JsonNode rules = node.path("rules");
        if (!rules.isMissingNode() && !rules.isBoolean()) {
            throw new MalformedFileException(where + ": 'rules' must be true or false");
        }
        String action = text(node, "action", where);
        Action parsed = Action.HIDE;
        if (action != null) {
            try {
                parsed = Action.valueOf(action.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new MalformedFileException(where + ": action '" + action + "': expected hide or reject");
            }
        }
        NaturalPersonSettings settings = new NaturalPersonSettings(column,
                (values.isEmpty() ? DEFAULT_YES : values).stream().map(Names::normalize).collect(Collectors.toUnmodifiableSet()),
                text(node, "legalFormColumn", where), rules.asBoolean(false), parsed);
        if (!settings.active()) {
            throw new MalformedFileException(where + ": give 'column', 'legalFormColumn' or 'rules: true'");
        }
        return settings;
    }

    private static String text(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new MalformedFileException(where + ": '" + key + "' must be a text");
        }
        return value.asString();
    }
}
