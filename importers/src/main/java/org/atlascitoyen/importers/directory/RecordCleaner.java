package org.atlascitoyen.importers.directory;

import org.atlascitoyen.importers.dedup.NameWords;
import org.atlascitoyen.importers.load.MalformedFileException;
import org.atlascitoyen.importers.locate.Coordinates;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.source.Field;
import org.atlascitoyen.importers.source.Mapping;
import org.atlascitoyen.importers.source.NaturalPersonSettings;
import org.atlascitoyen.importers.source.Names;
import org.atlascitoyen.importers.source.SourceRow;

/**
 * Turns a {@link SourceRow} into a staged row, in named steps: the mapped text of each field
 * ({@link FieldText}), the identifiers ({@link Identifiers}), the vocabulary codes
 * ({@link VocabularyCodes}), the territory and point ({@link Location}), the dates
 * ({@link Dates}) and the content hash ({@link ContentHash}). Here: the checks that reject a row
 * whatever its kind (a field too long, no name) and which steps apply to actors and which to
 * initiatives. A row that cannot be kept is staged with its reject reason, so that the report and
 * the reject file list it with its line.
 */
public final class RecordCleaner {

    /** Longest name a rejected row keeps for the reject file, where it may be longer than allowed. */
    private static final int REJECTED_NAME_LENGTH = 300;

    private final RecordKind kind;
    private final FieldText text;
    private final VocabularyCodes vocabulary;
    private final Location location;
    private final Tally tally;
    private final ContentHash hash = new ContentHash();
    private final NaturalPersons naturalPersons;
    private final byte[] personKey;

    /**
     * @param themesFromDescription also derive themes from the description's words, with the
     *                              vocabulary's synonyms (the RNA's "objet")
     */
    public RecordCleaner(RecordKind kind, Mapping mapping, Vocabularies vocabularies, Coordinates coordinates,
                         Tally tally, boolean themesFromDescription) {
        this(kind, mapping, vocabularies, coordinates, tally, themesFromDescription, new byte[] {0});
    }

    /**
     * @param personKey the database's secret (import_key) that keys the derived ids of natural
     *                  persons whose names are hidden
     */
    public RecordCleaner(RecordKind kind, Mapping mapping, Vocabularies vocabularies, Coordinates coordinates,
                         Tally tally, boolean themesFromDescription, byte[] personKey) {
        this.personKey = personKey.clone();
        this.kind = kind;
        this.text = new FieldText(mapping);
        this.vocabulary = new VocabularyCodes(mapping, text, vocabularies, tally, themesFromDescription);
        this.location = new Location(mapping, text, coordinates, tally);
        this.tally = tally;
        this.naturalPersons = new NaturalPersons(mapping == null ? NaturalPersonSettings.NONE : mapping.naturalPersons());
        if (naturalPersons.active() && kind != RecordKind.ACTOR) {
            throw new MalformedFileException(mapping.origin() + ": naturalPersons applies to actors only");
        }
    }

    /** The cleaned row, with its reject reason when it cannot be kept (and then no content hash). */
    CleanedRecord clean(SourceRow row) {
        CleanedRecord c = new CleanedRecord(row.line());
        try {
            clean(row, c);
            c.reject = row.rejectReason();
            c.rejectDetail = row.rejectDetail();
        } catch (RejectedRow r) {
            c.reject = r.reason();
            c.rejectDetail = r.detail();
        }
        if (c.name == null) {
            c.name = truncate(text.line(row, Field.NAME));
        }
        c.contentHash = c.reject == null ? hash.of(c) : null;
        return c;
    }

    private void clean(SourceRow row, CleanedRecord c) throws RejectedRow {
        requireLengths(row);
        c.name = text.line(row, Field.NAME);
        if (c.name == null) {
            throw new RejectedRow("missing name", "the name is empty");
        }
        c.nameSearch = Names.normalize(c.name);
        if (c.nameSearch.isEmpty()) {
            throw new RejectedRow("missing name", "the name '" + c.name + "' has no letter or digit");
        }
        NameWords.Parts words = NameWords.shipped().split(c.nameSearch);
        c.nameWords = words.words();
        c.nameKinds = words.kinds();
        c.description = text.multiline(row, Field.DESCRIPTION);
        c.address = text.line(row, Field.ADDRESS);
        c.postcode = Identifiers.code(text.line(row, Field.POSTCODE));
        c.communeName = text.line(row, Field.COMMUNE_NAME);
        c.communeCode = Identifiers.code(text.line(row, Field.COMMUNE_CODE));
        c.website = Identifiers.website(text.line(row, Field.WEBSITE));
        c.websiteHost = Identifiers.host(c.website);
        c.themes = vocabulary.themes(row);
        location.locate(row, c);
        if (kind == RecordKind.ACTOR) {
            actor(row, c);
        } else {
            initiative(row, c);
        }
        c.externalId = text.line(row, Field.EXTERNAL_ID);
        if (c.externalId == null) {
            c.externalId = hash.derivedId(c);
        }
        if (naturalPersons.active()) {
            naturalPerson(row, c);
            if (c.naturalPerson && text.line(row, Field.EXTERNAL_ID) == null) {
                c.externalId = hash.personId(c, personKey);
            }
        }
    }

    /**
     * A natural person's row is rejected, or published under a neutral name, its real name kept
     * private; its dedup words are emptied so that no name rule matches the label (match.sql).
     * After the external id: a derived id still tells two persons of one commune apart (keyed, see
     * {@link ContentHash#personId}).
     */
    private void naturalPerson(SourceRow row, CleanedRecord c) throws RejectedRow {
        NaturalPersons.Flag flag = naturalPersons.flag(row, c.name).orElse(null);
        if (flag == null) {
            return;
        }
        if (naturalPersons.action() == NaturalPersonSettings.Action.REJECT) {
            throw new RejectedRow("personne physique", flag.detail());
        }
        c.naturalPerson = true;
        c.privateName = c.name;
        c.name = flag.label();
        c.nameSearch = Names.normalize(c.name);
        c.nameWords = "";
        c.nameKinds = "";
    }

    /** A value longer than its field allows rejects the row rather than being cut. */
    private static void requireLengths(SourceRow row) throws RejectedRow {
        for (Field f : Field.values()) {
            String v = row.get(f);
            if (v != null && v.length() > f.maxLength()) {
                throw new RejectedRow("field too long", f.key() + " has " + v.length() + " characters (at most " + f.maxLength() + ")");
            }
        }
    }

    private void actor(SourceRow row, CleanedRecord c) {
        c.type = vocabulary.type(row);
        c.email = text.line(row, Field.EMAIL);
        c.phone = text.line(row, Field.PHONE);
        c.siren = Identifiers.siren(text.line(row, Field.SIREN));
        c.rna = Identifiers.rna(text.line(row, Field.RNA));
    }

    private void initiative(SourceRow row, CleanedRecord c) {
        c.status = vocabulary.status(row);
        c.lessonsLearned = text.multiline(row, Field.LESSONS_LEARNED);
        Dates.Period period = Dates.period(text.line(row, Field.START_DATE), text.line(row, Field.END_DATE), tally);
        c.startDate = period.start();
        c.endDate = period.end();
        c.carriers = text.list(row, Field.CARRIERS);
    }

    private static String truncate(String v) {
        return v == null || v.length() <= REJECTED_NAME_LENGTH ? v : v.substring(0, REJECTED_NAME_LENGTH) + "…";
    }
}
