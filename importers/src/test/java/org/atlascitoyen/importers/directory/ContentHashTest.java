package org.atlascitoyen.importers.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The content hash that tells a re-import what changed, and the id of a row without one. */
class ContentHashTest {

    private final ContentHash hash = new ContentHash();

    @Test
    void theContentHashIsTheSameForTheSameValuesWhateverTheLine() {
        CleanedRecord a = record(2);
        CleanedRecord b = record(40);

        assertThat(hash.of(a)).hasSize(40).matches("[0-9a-f]+").isEqualTo(hash.of(b));
    }

    @Test
    void anyValueThatChangesChangesTheContentHash() {
        String before = hash.of(record(2));
        CleanedRecord renamed = record(2);
        renamed.name = "Les Amis de la Terre 31";
        CleanedRecord moved = record(2);
        moved.lat = 43.6046;
        CleanedRecord rethemed = record(2);
        rethemed.themes = List.of("mobilite");
        CleanedRecord ended = record(2);
        ended.endDate = LocalDate.of(2025, 6, 30);

        assertThat(List.of(hash.of(renamed), hash.of(moved), hash.of(rethemed), hash.of(ended)))
                .doesNotContain(before).doesNotHaveDuplicates();
    }

    @Test
    void textMovedFromOneFieldToTheNextChangesTheContentHash() {
        CleanedRecord inDescription = record(2);
        inDescription.description = "Ouvert le samedi";
        CleanedRecord inLessons = record(2);
        inLessons.lessonsLearned = "Ouvert le samedi";

        assertThat(hash.of(inDescription)).isNotEqualTo(hash.of(inLessons));
    }

    @Test
    void whatTheRecordDerivesOrHowItIsStagedIsNotHashed() {
        String before = hash.of(record(2));
        CleanedRecord c = record(2);
        c.nameSearch = "autre chose";
        c.websiteHost = "autre.org";
        c.coordinatesNote = "swapped";
        c.reject = "bad territory";

        assertThat(hash.of(c)).isEqualTo(before);
    }

    @Test
    void theDerivedIdComesFromTheNameCommuneAndAddressInMatchingForm() {
        CleanedRecord a = record(2);
        CleanedRecord sameInOtherCase = record(3);
        sameInOtherCase.name = "LES AMIS DE LA TERRE"; // its name_search, which the id is made of, is the same
        sameInOtherCase.communeName = "TOULOUSE";
        sameInOtherCase.address = "2, place du  Capitole";
        sameInOtherCase.description = "Autre description";
        CleanedRecord elsewhere = record(4);
        elsewhere.communeCode = "31069";

        assertThat(hash.derivedId(a)).matches("h:[0-9a-f]{20}")
                .isEqualTo(hash.derivedId(sameInOtherCase))
                .isNotEqualTo(hash.derivedId(elsewhere));
    }

    @Test
    void theDerivedIdTellsAMissingPostcodeFromAnother() {
        CleanedRecord none = record(2);
        none.postcode = null;
        CleanedRecord other = record(2);
        other.postcode = "31100";

        assertThat(hash.derivedId(none)).isNotEqualTo(hash.derivedId(record(2))).isNotEqualTo(hash.derivedId(other));
    }

    /** A record as the steps before hashing leave it. */
    private static CleanedRecord record(long line) {
        CleanedRecord c = new CleanedRecord(line);
        c.externalId = "a1";
        c.name = "Les Amis de la Terre";
        c.nameSearch = "les amis de la terre";
        c.type = "association";
        c.themes = List.of("alimentation", "mobilite");
        c.address = "2 place du Capitole";
        c.postcode = "31000";
        c.communeName = "Toulouse";
        c.communeCode = "31555";
        c.lon = 1.444;
        c.lat = 43.6045;
        c.website = "https://amis-terre.org";
        c.websiteHost = "amis-terre.org";
        return c;
    }
}
