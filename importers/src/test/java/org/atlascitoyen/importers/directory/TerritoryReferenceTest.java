package org.atlascitoyen.importers.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atlascitoyen.importers.directory.TerritoryReference.Territory;
import org.atlascitoyen.importers.source.Mapping;
import org.junit.jupiter.api.Test;

/** The territory a row names, in one KIND:CODE cell or in a level cell and a code cell. */
class TerritoryReferenceTest {

    private static final TerritoryReference NO_TRANSLATION = new TerritoryReference(null);

    @Test
    void aLevelAndACodeGiveTheKindAndCodeOfTheKindColonCodeForm() throws Exception {
        for (String[] c : new String[][] {{"commune", "31555"}, {"epci", "243100518"}, {"departement", "12"}, {"region", "76"},
                {"petr", "200050938"}, {"bassin_vie", "31555"}, {"departement", "2A"}}) {
            assertThat(NO_TRANSLATION.of(c[0], c[1])).as(c[0]).contains(TerritoryReference.parse(c[0] + ":" + c[1]));
        }
        assertThat(NO_TRANSLATION.of("epci", "243100518")).contains(new Territory("epci", "243100518"));
    }

    @Test
    void aLevelIsReadWhateverItsCaseAndAccentsAndInItsInseeAbbreviation() throws Exception {
        Map<String, String> levels = Map.of("Commune", "commune", "COM", "commune", "EPCI", "epci", "Intercommunalité", "epci",
                "Département", "departement", "DEP", "departement", "Région", "region", "REG", "region",
                "bassin de vie", "bassin_vie", "Bassin_Vie", "bassin_vie");
        for (Map.Entry<String, String> level : levels.entrySet()) {
            assertThat(NO_TRANSLATION.of(level.getKey(), "76").map(Territory::kind)).as(level.getKey()).contains(level.getValue());
        }
    }

    @Test
    void aCodeLosesItsSpacesAndGetsBackTheLeadingZeroANumberCellLost() throws Exception {
        assertThat(NO_TRANSLATION.of("epci", "243 100 518")).contains(new Territory("epci", "243100518"));
        assertThat(NO_TRANSLATION.of("commune", "9122")).contains(new Territory("commune", "09122"));
        assertThat(NO_TRANSLATION.of("departement", "9")).contains(new Territory("departement", "09"));
        assertThat(NO_TRANSLATION.of("departement", "2a")).contains(new Territory("departement", "2A"));
        assertThat(NO_TRANSLATION.of("region", "76.0")).contains(new Territory("region", "76"));
        assertThat(TerritoryReference.parse("departement:9")).isEqualTo(new Territory("departement", "09"));
    }

    @Test
    void qpvCodesAreUpperCaseAndPetrSlugsLowerCaseAsTheTerritoryTableWritesThem() throws Exception {
        assertThat(NO_TRANSLATION.of("qpv", "qn03401m")).contains(new Territory("qpv", "QN03401M"));
        assertThat(NO_TRANSLATION.of("petr", "PETR-Sud-Lozere")).contains(new Territory("petr", "petr-sud-lozere"));
        assertThat(TerritoryReference.parse("petr:petr-midi-quercy")).isEqualTo(new Territory("petr", "petr-midi-quercy"));
    }

    @Test
    void anUnknownLevelRejectsTheRowNamingTheLevels() {
        assertThatThrownBy(() -> NO_TRANSLATION.of("canton", "3115"))
                .isInstanceOf(RejectedRow.class).hasMessage("bad territory")
                .extracting(e -> ((RejectedRow) e).detail()).isEqualTo("'canton' is not a territory level; levels are "
                        + "commune, epci, departement, region, petr, bassin_vie, pnr, qpv (a mapping's 'values' may translate others)");
    }

    @Test
    void aLevelWithoutCodeOrACodeWithoutLevelRejectsTheRow() {
        assertThatThrownBy(() -> NO_TRANSLATION.of("epci", null)).isInstanceOf(RejectedRow.class).hasMessage("bad territory")
                .extracting(e -> ((RejectedRow) e).detail()).isEqualTo("level 'epci' without a code");
        assertThatThrownBy(() -> NO_TRANSLATION.of(null, "243100518")).isInstanceOf(RejectedRow.class)
                .extracting(e -> ((RejectedRow) e).detail()).asString().startsWith("code '243100518' without a level");
    }

    @Test
    void neitherLevelNorCodeIsNoTerritory() throws Exception {
        assertThat(NO_TRANSLATION.of(null, null)).isEmpty();
    }

    @Test
    void theMappingsValuesTranslateOtherLevelsOrToNoTerritory() throws Exception {
        Map<String, List<String>> values = Map.of("Métropole", List.of("epci"), "Pays", List.of(), "Zone", List.of("zone"));
        TerritoryReference translated = new TerritoryReference(new Mapping.Rule("niveau", null, null, values, null));

        assertThat(translated.of("metropole", "243100518")).contains(new Territory("epci", "243100518"));
        assertThat(translated.of("Pays", "FR")).as("a level mapped to null").isEqualTo(Optional.empty());
        assertThat(translated.of("Région", "76")).as("the built-in levels still apply").contains(new Territory("region", "76"));
        assertThatThrownBy(() -> translated.of("Zone", "12")).isInstanceOf(RejectedRow.class)
                .extracting(e -> ((RejectedRow) e).detail()).asString().startsWith("'zone' is not a territory level");
    }

    @Test
    void aKindColonCodeCellOfAnUnknownKindOrWithoutColonRejectsTheRow() {
        assertThatThrownBy(() -> TerritoryReference.parse("zone:12")).isInstanceOf(RejectedRow.class)
                .extracting(e -> ((RejectedRow) e).detail()).asString().startsWith("'zone:12' is not KIND:CODE with KIND one of");
        assertThatThrownBy(() -> TerritoryReference.parse("epci 243100518")).isInstanceOf(RejectedRow.class).hasMessage("bad territory");
    }
}
