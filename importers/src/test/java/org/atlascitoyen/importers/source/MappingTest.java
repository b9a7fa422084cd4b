package org.atlascitoyen.importers.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atlascitoyen.importers.load.MalformedFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingTest {

    @TempDir
    Path dir;

    @Test
    void readsYamlWithColumnsOptionsAndValueTranslations() throws Exception {
        Mapping mapping = Mapping.load(fixture("mapping/actors-full.yaml"));

        assertThat(mapping.rule(Field.NAME)).contains(Mapping.Rule.column("Nom"));
        assertThat(mapping.rule(Field.COMMUNE_CODE).map(Mapping.Rule::column)).contains("Code INSEE");
        Mapping.Rule type = mapping.rule(Field.TYPE).orElseThrow();
        assertThat(type.column()).isEqualTo("Type");
        assertThat(type.defaultValue()).isEqualTo("association");
        Mapping.Rule themes = mapping.rule(Field.THEMES).orElseThrow();
        assertThat(themes.separator()).isEqualTo(",");
        assertThat(themes.values()).containsExactly(Map.entry("Vélo", List.of("mobilite")), Map.entry("Divers", List.of()));
        assertThat(mapping.rule(Field.EMAIL)).isEmpty();
        assertThat(mapping.origin()).contains("actors-full.yaml");
    }

    @Test
    void readsTheLicenceOfTheSourceAKnownIdGivingItsNameAndUrl() throws Exception {
        Mapping mapping = Mapping.load(fixture("mapping/actors-licence-block.yaml"));

        assertThat(mapping.licence()).isEqualTo(new SourceLicence("Licence Ouverte 2.0",
                "https://www.etalab.gouv.fr/licence-ouverte-open-licence/", "Réseau des tiers-lieux d'Occitanie"));
        assertThat(mapping.rule(Field.NAME)).contains(Mapping.Rule.column("Nom"));
        assertThat(Mapping.load(fixture("mapping/actors-full.yaml")).licence()).isEqualTo(SourceLicence.NONE);
    }

    @Test
    void aLicenceMayBeJustANameAndAddedMappingsKeepIt() throws Exception {
        Path file = dir.resolve("m.json");
        Files.writeString(file, "{\"licence\": \"Licence du réseau\", \"name\": \"Nom\"}");

        Mapping mapping = Mapping.load(file);

        assertThat(mapping.licence()).isEqualTo(new SourceLicence("Licence du réseau", null, null));
        assertThat(Mapping.empty("built-in").with(mapping).licence()).isEqualTo(mapping.licence());
        assertThat(mapping.with(Mapping.empty("other")).licence()).isEqualTo(mapping.licence());
    }

    @Test
    void refusesALicenceUrlThatIsNoWebAddressAndUnknownLicenceOptions() throws Exception {
        assertThatThrownBy(() -> Mapping.load(fixture("mapping/licence-javascript-url.yaml")))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("licence: the licence URL 'javascript:alert(1)' is not an http or https address");
        Path file = dir.resolve("m.yaml");
        Files.writeString(file, "licence: {name: ODbL-1.0, licenceUrl: https://x.org/}\nname: Nom\n");
        assertThatThrownBy(() -> Mapping.load(file)).isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("unknown option 'licenceUrl'; options are: name, url, attribution");
    }

    @Test
    void readsJson() throws Exception {
        Mapping mapping = Mapping.load(fixture("mapping/actors-located.json"));

        assertThat(mapping.rules()).containsOnlyKeys(Field.NAME, Field.POSTCODE, Field.COMMUNE_NAME, Field.COMMUNE_CODE,
                Field.LATITUDE, Field.LONGITUDE);
        assertThat(mapping.rule(Field.POSTCODE)).contains(Mapping.Rule.column("Code postal"));
    }

    @Test
    void aValueTranslationMatchesIgnoringCaseAndAccents() throws Exception {
        Mapping.Rule themes = Mapping.load(fixture("mapping/actors-full.yaml")).rule(Field.THEMES).orElseThrow();

        assertThat(themes.translate("Vélo")).contains(List.of("mobilite"));
        assertThat(themes.translate("VELO")).contains(List.of("mobilite"));
        // Mapped to null: a value known to stand for no theme, unlike one the mapping does not know.
        assertThat(themes.translate("divers")).contains(List.of());
        assertThat(themes.translate("Pétanque")).isEqualTo(Optional.empty());
    }

    @Test
    void aConstantReplacesTheColumn() throws Exception {
        Mapping.Rule type = Mapping.load(fixture("mapping/constant-type.yaml")).rule(Field.TYPE).orElseThrow();

        assertThat(type.constant()).isEqualTo("tiers_lieu");
        assertThat(type.column()).isNull();
    }

    @Test
    void anUnknownFieldIsAnErrorNamingItAndListingTheFields() {
        Path file = fixture("mapping/unknown-field.yaml");

        assertThatThrownBy(() -> Mapping.load(file))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("unknown field 'nom'")
                .hasMessageContaining("fields are: " + Field.keys())
                .hasMessageContaining("externalId, name, type, themes");
    }

    @Test
    void anUnknownOptionIsAnErrorNamingItTheFieldAndTheOptions() {
        assertThatThrownBy(() -> Mapping.load(fixture("mapping/unknown-option.json")))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("field themes")
                .hasMessageContaining("unknown option 'separateur'")
                .hasMessageContaining("options are: column, value, separator, values, default");
    }

    @Test
    void aRuleNeedsAColumnOrAValue() throws Exception {
        Path file = write("both.json", "{\"name\": {\"column\": \"Nom\", \"value\": \"X\"}}");
        Path none = write("none.yaml", "name: { separator: \",\" }\n");

        assertThatThrownBy(() -> Mapping.load(file)).hasMessageContaining("field name: give either 'column' or 'value'");
        assertThatThrownBy(() -> Mapping.load(none)).hasMessageContaining("field name: give either 'column' or 'value'");
    }

    @Test
    void valuesMustBeAnObjectAndOptionsText() throws Exception {
        Path list = write("list.yaml", "themes: { column: T, values: [a, b] }\n");
        Path nested = write("nested.yaml", "themes: { column: { name: T } }\n");

        assertThatThrownBy(() -> Mapping.load(list)).hasMessageContaining("'values' must be an object");
        assertThatThrownBy(() -> Mapping.load(nested)).hasMessageContaining("'column' must be a text");
    }

    @Test
    void aValueMayTranslateToSeveralCodes() throws Exception {
        Path file = write("several.yaml", "themes: { column: T, values: { \"Jardin partagé\": [alimentation, solidarites] } }\n");

        assertThat(Mapping.load(file).rule(Field.THEMES).orElseThrow().translate("jardin partage"))
                .contains(List.of("alimentation", "solidarites"));
    }

    @Test
    void theTerritoryMayBeReadFromALevelColumnAndACodeColumn() throws Exception {
        Mapping mapping = Mapping.load(fixture("mapping/actors-territory-level-and-code.yaml"));

        assertThat(mapping.rule(Field.TERRITORY_LEVEL).map(Mapping.Rule::column)).contains("niveau");
        assertThat(mapping.rule(Field.TERRITORY_LEVEL).orElseThrow().translate("metropole")).contains(List.of("epci"));
        assertThat(mapping.rule(Field.TERRITORY_CODE)).contains(Mapping.Rule.column("code"));
        assertThat(mapping.rule(Field.TERRITORY)).isEmpty();
    }

    @Test
    void aLevelNeedsACodeAndTheReverse() throws Exception {
        Path level = write("level.yaml", "name: Nom\nterritoryLevel: niveau\n");
        Path code = write("code.yaml", "name: Nom\nterritoryCode: code\n");

        assertThatThrownBy(() -> Mapping.load(level)).isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("'territoryLevel' needs 'territoryCode'");
        assertThatThrownBy(() -> Mapping.load(code)).isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("'territoryCode' needs 'territoryLevel'");
    }

    @Test
    void theTerritoryIsInOneFormOnly() throws Exception {
        Path both = write("both.yaml", "name: Nom\nterritory: Territoire\nterritoryLevel: niveau\nterritoryCode: code\n");

        assertThatThrownBy(() -> Mapping.load(both)).isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("give either 'territory' (one KIND:CODE column) or 'territoryLevel' and 'territoryCode', not both");
    }

    @Test
    void brokenOrNonObjectFilesAreRefusedWithTheirName() throws Exception {
        Path broken = write("broken.json", "{\"name\": ");
        Path array = write("array.json", "[\"Nom\"]");
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "name: Intitul\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> Mapping.load(broken)).isInstanceOf(MalformedFileException.class)
                .hasMessageContaining(broken.toString()).hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> Mapping.load(array)).isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("expected an object of field: column");
        assertThatThrownBy(() -> Mapping.load(latin1)).isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("not UTF-8 text");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
