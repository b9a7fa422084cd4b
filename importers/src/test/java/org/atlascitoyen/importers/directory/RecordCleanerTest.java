package org.atlascitoyen.importers.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.locate.Coordinates;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.source.Field;
import org.atlascitoyen.importers.source.Mapping;
import org.atlascitoyen.importers.source.SourceRow;
import org.junit.jupiter.api.Test;

/** What the cleaner decides itself: the checks that reject any row, and which steps apply to which kind. */
class RecordCleanerTest {

    private static final Coordinates OCCITANIE = new Coordinates(-0.32688, 42.33305, 4.84555, 45.04667);

    private final Tally tally = new Tally();

    @Test
    void anActorIsCleanedWithItsTypeContactAndIdentifiers() {
        CleanedRecord c = cleaner(RecordKind.ACTOR).clean(actor()
                .set(Field.TYPE, "Tiers-lieu").set(Field.EMAIL, " contact@amis-terre.org ").set(Field.PHONE, "05 61 00 00 00")
                .set(Field.SIREN, "123 456 789 00012").set(Field.RNA, "w313012345").set(Field.STATUS, "Terminée"));

        assertThat(c.reject).isNull();
        assertThat(c.name + " | " + c.nameSearch).isEqualTo("Les Amis de la Terre | les amis de la terre");
        assertThat(List.of(c.type, c.email, c.phone, c.siren, c.rna))
                .containsExactly("tiers_lieu", "contact@amis-terre.org", "05 61 00 00 00", "123456789", "W313012345");
        assertThat(c.postcode + " " + c.communeCode + " " + c.websiteHost).isEqualTo("09100 09225 amis-terre.org");
        assertThat(c.themes).containsExactly("mobilite");
        assertThat(c.status).as("an actor has no status").isNull();
        assertThat(c.contentHash).hasSize(40);
    }

    @Test
    void anInitiativeIsCleanedWithItsStatusDatesAndCarriers() {
        CleanedRecord c = cleaner(RecordKind.INITIATIVE).clean(actor()
                .set(Field.STATUS, "Terminée").set(Field.START_DATE, "2023").set(Field.END_DATE, "03/2024")
                .set(Field.CARRIERS, "Mairie, CCAS").set(Field.LESSONS_LEARNED, "Commencer petit.\nDurer.")
                .set(Field.TYPE, "Tiers-lieu").set(Field.SIREN, "123456789"));

        assertThat(c.reject).isNull();
        assertThat(c.status).isEqualTo("terminee");
        assertThat(c.startDate + " " + c.endDate).isEqualTo("2023-01-01 2024-03-31");
        assertThat(c.carriers).containsExactly("Mairie", "CCAS");
        assertThat(c.lessonsLearned).isEqualTo("Commencer petit.\nDurer.");
        assertThat(c.type).as("an initiative has no type").isNull();
        assertThat(c.siren).as("nor identifiers").isNull();
    }

    @Test
    void anInitiativeEndingBeforeItStartsLosesItsEnd() {
        CleanedRecord c = cleaner(RecordKind.INITIATIVE).clean(actor().set(Field.START_DATE, "2024-05-01").set(Field.END_DATE, "2024-04-30"));

        assertThat(c.startDate).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(c.endDate).isNull();
        assertThat(tally.counts()).containsKey("end date before start date: end date left out");
    }

    @Test
    void aRowWithoutExternalIdGetsOneDerivedFromWhatIdentifiesIt() {
        RecordCleaner cleaner = cleaner(RecordKind.ACTOR);

        String derived = cleaner.clean(actor().set(Field.EXTERNAL_ID, null)).externalId;

        assertThat(derived).matches("h:[0-9a-f]{20}")
                .isEqualTo(cleaner.clean(actor().set(Field.EXTERNAL_ID, " ").set(Field.DESCRIPTION, "Autre")).externalId);
        assertThat(cleaner.clean(actor()).externalId).isEqualTo("a1");
    }

    @Test
    void aValueLongerThanItsFieldRejectsTheRowWhichKeepsItsNameCut() {
        CleanedRecord c = cleaner(RecordKind.ACTOR).clean(actor().set(Field.NAME, "N".repeat(301)));

        assertThat(c.reject + " | " + c.rejectDetail).isEqualTo("field too long | name has 301 characters (at most 300)");
        assertThat(c.name).hasSize(301).startsWith("NNN").endsWith("N…");
        assertThat(c.contentHash).isNull();
    }

    @Test
    void aRowWithoutANameOrWithANameOfNoLetterIsRejected() {
        RecordCleaner cleaner = cleaner(RecordKind.ACTOR);

        CleanedRecord empty = cleaner.clean(actor().set(Field.NAME, " \t"));
        CleanedRecord dashes = cleaner.clean(actor().set(Field.NAME, "---"));

        assertThat(empty.reject + " | " + empty.rejectDetail).isEqualTo("missing name | the name is empty");
        assertThat(empty.name).isNull();
        assertThat(dashes.reject + " | " + dashes.rejectDetail).isEqualTo("missing name | the name '---' has no letter or digit");
        assertThat(dashes.name).isEqualTo("---");
    }

    @Test
    void aStepsRejectStopsTheCleaningAndIsStaged() {
        CleanedRecord c = cleaner(RecordKind.ACTOR).clean(actor().set(Field.TERRITORY, "zone:12").set(Field.TYPE, "Inconnu"));

        assertThat(c.reject).isEqualTo("bad territory");
        assertThat(c.type).as("not cleaned after the reject").isNull();
        assertThat(c.contentHash).isNull();
        assertThat(tally.counts()).doesNotContainKey("unknown type (autre used)");
    }

    @Test
    void aRowTheReaderRejectedIsCleanedAndStagedWithTheReadersReason() {
        SourceRow row = actor();
        row.reject("dissolved", "the association was dissolved on 2020-01-01");

        CleanedRecord c = cleaner(RecordKind.ACTOR).clean(row);

        assertThat(c.reject + " | " + c.rejectDetail).isEqualTo("dissolved | the association was dissolved on 2020-01-01");
        assertThat(c.communeCode).isEqualTo("09225");
        assertThat(c.contentHash).isNull();
    }

    @Test
    void theStagedValuesFollowTheStagingColumns() {
        CleanedRecord c = cleaner(RecordKind.ACTOR).clean(actor().set(Field.COMMUNE_NAME, "Saint-Girons"));
        Object[] values = c.values();

        assertThat(values).hasSameSizeAs(CleanedRecord.COLUMNS);
        assertThat(values[List.of(CleanedRecord.COLUMNS).indexOf("commune_name_search")]).isEqualTo("saint girons");
        assertThat(values[List.of(CleanedRecord.COLUMNS).indexOf("content_hash")]).isEqualTo(c.contentHash);
        assertThat(values[0]).isEqualTo(7L);
    }

    private RecordCleaner cleaner(RecordKind kind) {
        Mapping mapping = new Mapping(Map.of(Field.THEMES, Mapping.Rule.column("Thématiques")), "test");
        return new RecordCleaner(kind, mapping, TestVocabularies.SMALL, OCCITANIE, tally, false);
    }

    private static SourceRow actor() {
        return new SourceRow(7).set(Field.EXTERNAL_ID, "a1").set(Field.NAME, " Les Amis  de la Terre")
                .set(Field.THEMES, "Vélo").set(Field.POSTCODE, "9100").set(Field.COMMUNE_CODE, "9225")
                .set(Field.COMMUNE_NAME, "Pamiers").set(Field.WEBSITE, "www.amis-terre.org");
    }
}
