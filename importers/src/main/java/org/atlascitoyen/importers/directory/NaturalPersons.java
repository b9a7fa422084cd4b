package org.atlascitoyen.importers.directory;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atlascitoyen.importers.source.Field;
import org.atlascitoyen.importers.source.NaturalPersonSettings;
import org.atlascitoyen.importers.source.Names;
import org.atlascitoyen.importers.source.SourceRow;

/**
 * Tells whether a row's name is a natural person's (importers/README.md, "Natural persons"): by
 * the source's column, by the INSEE legal form (1000 "entrepreneur individuel" and the 1xxx range),
 * or by the name rules, written for precision: an association named after a play or a brand must
 * not lose its name, so a rule flags only what can hardly be anything else.
 *
 * <ul>
 *   <li>Civility: the name starts with M., Mme, Mlle, Mr or Dr followed by one to four name words,
 *       or with Monsieur, Madame, Mademoiselle or Docteur followed by two to four ("Madame Marie
 *       Dupont", not "Madame Sans-Gêne" nor "Docteur Clown"). A name word starts with a capital
 *       (Jean-Pierre, DUPONT, J., O'Neil); particles (de, du, d', le, van...), "et", "&" and a
 *       second civility are allowed between them and not counted. No word may be a word of a
 *       body (association, compagnie, théâtre, club, SARL...).</li>
 *   <li>Sole trader: the words "entreprise individuelle", "entrepreneur individuel",
 *       "auto-entrepreneur", "micro-entrepreneur", "micro-entreprise" (singular, any case and
 *       hyphenation), EIRL, or EI / E.I. in capitals as a word of its own; unless the name also
 *       holds a word of a body ("Maison de l'entreprise individuelle").</li>
 * </ul>
 * No list of first names is used: a name without a civility or a marker is not flagged by rule.
 */
final class NaturalPersons {

    /** The published name of a sole trader whose name is hidden. */
    static final String SOLE_TRADER_LABEL = "Entrepreneur individuel (nom non publié)";
    /** The published name of any other natural person whose name is hidden. */
    static final String PERSON_LABEL = "Personne physique (nom non publié)";

    /** Why a row was flagged, with the neutral name it gets when hidden, and a detail without the name. */
    record Flag(String label, String detail) {
    }

    private static final Pattern ABBREVIATED = Pattern.compile("(?i)^(?:M\\.|Mr\\.?|Mme\\.?|Mlle\\.?|Dr\\.?)\\s+(.+)$");
    private static final Pattern SPELLED = Pattern.compile("(?i)^(?:Monsieur|Madame|Mademoiselle|Docteur)\\s+(.+)$");
    private static final Pattern NAME_WORD = Pattern.compile("(?:[dD]['’])?\\p{Lu}[\\p{L}'’.-]*");
    private static final Set<String> UNCOUNTED = Set.of("de", "du", "des", "d", "le", "la", "les", "van", "von", "der",
            "den", "di", "da", "del", "dos", "et", "&", "m.", "mme", "mme.", "mlle", "monsieur", "madame");
    /** Words of a body (normalised): a name holding one is an organisation's, whatever else it says. */
    private static final Set<String> BODY_WORDS = Set.of("association", "asso", "amicale", "atelier", "ateliers", "club",
            "collectif", "comite", "compagnie", "cie", "cooperative", "federation", "union", "syndicat", "reseau",
            "chambre", "maison", "centre", "groupe", "groupement", "fondation", "foyer", "theatre", "troupe", "ecole",
            "college", "lycee", "mairie", "commune", "conseil", "societe", "sarl", "sas", "sasu", "eurl", "sa", "sci",
            "scop", "scic", "gaec", "earl", "selarl", "sel", "ensemble", "orchestre", "chorale", "festival", "ong");
    private static final List<String> SOLE_TRADER_PHRASES = List.of("entreprise individuelle", "entrepreneur individuel",
            "entrepreneuse individuelle", "auto entrepreneur", "autoentrepreneur", "auto entrepreneuse",
            "micro entrepreneur", "microentrepreneur", "micro entrepreneuse", "micro entreprise", "eirl");
    private static final Pattern EI = Pattern.compile("(?<![\\p{L}\\p{N}])E\\.?I\\.?(?![\\p{L}\\p{N}])");
    private static final Pattern LEGAL_FORM = Pattern.compile("^\\s*(\\d{1,4})(?:\\.0)?(?!\\d)");

    private final NaturalPersonSettings settings;

    NaturalPersons(NaturalPersonSettings settings) {
        this.settings = settings;
    }

    boolean active() {
        return settings.active();
    }

    NaturalPersonSettings.Action action() {
        return settings.action();
    }

    /** Whether the row is a natural person's, and why; {@code name} is its cleaned name. */
    Optional<Flag> flag(SourceRow row, String name) {
        if (settings.column() != null) {
            String cell = row.get(Field.NATURAL_PERSON);
            if (cell != null && settings.yesValues().contains(Names.normalize(cell))) {
                return Optional.of(new Flag(PERSON_LABEL, "the column '" + settings.column() + "' says so"));
            }
        }
        if (settings.legalFormColumn() != null) {
            Optional<String> form = naturalPersonLegalForm(row.get(Field.LEGAL_FORM));
            if (form.isPresent()) {
                return Optional.of(new Flag(SOLE_TRADER_LABEL, "legal form " + form.get() + " (entrepreneur individuel)"));
            }
        }
        if (settings.nameRules() && name != null) {
            return byName(name);
        }
        return Optional.empty();
    }

    /** The legal form when it is a natural person's: 1 (level 1 of the nomenclature), 1000 or 1xxx. */
    static Optional<String> naturalPersonLegalForm(String cell) {
        if (cell == null) {
            return Optional.empty();
        }
        Matcher m = LEGAL_FORM.matcher(cell);
        if (!m.find()) {
            return Optional.empty();
        }
        String code = m.group(1);
        return code.equals("1") || (code.length() == 4 && code.charAt(0) == '1') ? Optional.of(code) : Optional.empty();
    }

    /** The name rules alone: a civility before a person's name, or a sole-trader marker. */
    static Optional<Flag> byName(String name) {
        String normalized = " " + Names.normalize(name) + " ";
        boolean body = false;
        for (String word : normalized.strip().split(" ")) {
            body |= BODY_WORDS.contains(word);
        }
        if (body) {
            return Optional.empty();
        }
        Matcher abbreviated = ABBREVIATED.matcher(name);
        if (abbreviated.matches() && personName(abbreviated.group(1), 1)) {
            return Optional.of(new Flag(PERSON_LABEL, "civility before a person's name"));
        }
        Matcher spelled = SPELLED.matcher(name);
        if (spelled.matches() && personName(spelled.group(1), 2)) {
            return Optional.of(new Flag(PERSON_LABEL, "civility before a first name and a surname"));
        }
        for (String phrase : SOLE_TRADER_PHRASES) {
            if (normalized.contains(" " + phrase + " ")) {
                return Optional.of(new Flag(SOLE_TRADER_LABEL, "sole-trader marker '" + phrase + "'"));
            }
        }
        if (EI.matcher(name).find()) {
            return Optional.of(new Flag(SOLE_TRADER_LABEL, "sole-trader marker 'EI'"));
        }
        return Optional.empty();
    }

    /** Whether the words after a civility are a person's name: {@code least} to 4 name words, particles aside. */
    private static boolean personName(String rest, int least) {
        int counted = 0;
        for (String word : rest.strip().split("\\s+")) {
            if (UNCOUNTED.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            if (!NAME_WORD.matcher(word).matches()) {
                return false;
            }
            counted++;
        }
        return counted >= least && counted <= 4;
    }
}
