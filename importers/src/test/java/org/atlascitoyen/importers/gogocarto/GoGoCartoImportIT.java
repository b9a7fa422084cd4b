package org.atlascitoyen.importers.gogocarto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atlascitoyen.importers.directory.DirectoryTestDatabase.reject;
import static org.atlascitoyen.importers.directory.ImportRequest.Format.GOGOCARTO;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.util.Map;
import org.atlascitoyen.importers.directory.DirectoryImportReport;
import org.atlascitoyen.importers.directory.DirectoryTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GoGoCartoImportIT {

    @RegisterExtension
    final DirectoryTestDatabase db = DirectoryTestDatabase.perTest();

    @Test
    void anApiExportWithItsCategoriesMappedToThemesAndTypes() throws Exception {
        DirectoryImportReport report = db.importActors("transition-occitanie", GOGOCARTO, fixture("gogocarto/elements-data.json"),
                fixture("mapping/gogocarto-categories.yaml"));

        assertThat(report.position()).isEqualTo("element");
        assertThat(report.read()).isEqualTo(5);
        assertThat(report.inserted()).isEqualTo(4);
        assertThat(reject(report, 5)).isEqualTo("missing name | the name is empty");
        assertThat(report.workedAround()).containsOnly(
                Map.entry("unknown theme (left out)", Map.of("Habitants en action", 1L, "Collectivité", 1L)),
                Map.entry("unknown type (association used)", Map.of("Repair café", 1L)));

        assertThat(db.actor("La Cantine du Faubourg")).isEqualTo("La Cantine du Faubourg | tiers_lieu | alimentation,tiers_lieux | "
                + "address | 31555 | 243100518 | 31 | false | 1.4440 43.6045");
        // The element's second category says its type.
        assertThat(db.actor("Atelier Vélo Participatif")).isEqualTo("Atelier Vélo Participatif | collectif_habitants | mobilite | "
                + "address | 81004 | 248100737 | 81 | false | 2.1464 43.9289");
        assertThat(db.actor("Repair Café de la Comédie")).isEqualTo("Repair Café de la Comédie | association | economie_circulaire | "
                + "commune | 34172 | 243400017 | 34 | false | " + db.communePoint("34172"));
        // "Collectivité" is no category of the mapping: the vocabulary knows it as a type.
        assertThat(db.actor("Mairie de Blagnac")).isEqualTo("Mairie de Blagnac | collectivite | null | address | 31069 | 243100518 | 31 | "
                + "false | 1.3904 43.6373");
        assertThat(db.rows("SELECT address, postcode, website_host, email, phone, description FROM actor WHERE name = 'La Cantine du Faubourg'"))
                .containsExactly("2 place du Capitole | 31000 | cantine-faubourg.example.org | bonjour@cantine-faubourg.example.org | "
                        + "05 61 00 00 00 | Cantine associative et jardin sur le toit.");
        assertThat(db.rows("SELECT external_id FROM actor_provenance ORDER BY 1")).containsExactly("gA1", "gA2", "gA3", "gA4");
    }

    @Test
    void aBareArrayWithTheBuiltInMapping() throws Exception {
        DirectoryImportReport report = db.importActors("fablabs", GOGOCARTO, fixture("gogocarto/elements-bare-array.json"), null);

        assertThat(report.inserted()).isEqualTo(2);
        assertThat(report.workedAround()).containsOnly(Map.entry("unknown theme (left out)", Map.of("Centre social", 1L)));
        assertThat(db.actor("Fablab de Castres")).isEqualTo("Fablab de Castres | tiers_lieu | numerique,tiers_lieux | address | 81065 | "
                + db.value("SELECT epci FROM commune WHERE code = '81065'") + " | 81 | false | 2.2410 43.6060");
        assertThat(db.actor("Centre social des Chamards")).startsWith("Centre social des Chamards | centre_social | null | commune | 12145 |");
        assertThat(db.rows("SELECT external_id FROM actor_provenance ORDER BY 1")).containsExactly("101", "102");
    }

    @Test
    void htmlInAnExportIsStoredAsText() throws Exception {
        DirectoryImportReport report = db.importActors("transition-occitanie", GOGOCARTO, fixture("gogocarto/html-description.json"), null);

        assertThat(report.inserted()).isEqualTo(3);
        assertThat(db.rows("SELECT name, description FROM actor ORDER BY name")).containsExactly(
                // entities decoded, a list item per line, the style dropped, a mailto link as its address, a BEL removed
                "Atelier vélo l'Échappée | Nos ateliers\n\n- Réparation\n- Vente d’occasion\nContact : velo@example.org",
                // plain text that merely holds < and & is kept; its run of blank lines becomes one
                "Cours A < B & C | Tarifs : adhésion < 10 € & gratuit pour les moins de 18 ans.\n\nSans HTML.",
                // paragraphs a blank line apart, empty ones gone, links as "label (address)", the script dropped
                "La Cantine du Faubourg | Cantine associative et jardin sur le toit.\n\nOuvert du mardi\nau samedi.\n\n"
                        + "Programme : notre agenda (https://cantine.example.org/agenda) – https://cantine.example.org");
        assertThat(db.rows("SELECT website FROM actor WHERE name = 'La Cantine du Faubourg'"))
                .as("a website is no prose: never read as HTML").containsExactly("https://cantine.example.org/?a=1&amp;b=2");
        assertThat(db.rows("SELECT name_search FROM actor ORDER BY name_search")).containsExactly(
                "atelier velo l echappee", "cours a b c", "la cantine du faubourg");
    }
}
