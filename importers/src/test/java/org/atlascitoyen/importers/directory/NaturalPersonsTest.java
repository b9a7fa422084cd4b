package org.atlascitoyen.importers.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The name rules and the legal forms of {@link NaturalPersons}, written for precision. */
class NaturalPersonsTest {

    @ParameterizedTest
    @ValueSource(strings = {"M. Jean Durand", "M. Durand", "Mme Dupont", "Mme. Marie-Hélène DUPONT", "Mlle Léa Roux",
        "Dr Martin", "Dr. Anne de la Tour", "Monsieur Jean Dupont", "Madame Sophie Bernard", "Mademoiselle Léa ROUX",
        "Docteur Paul Vidal", "M. et Mme Dupont", "Madame Marie d'Artagnan"})
    void aCivilityBeforeAPersonsNameIsANaturalPerson(String name) {
        assertThat(NaturalPersons.byName(name)).get().extracting(NaturalPersons.Flag::label)
                .isEqualTo(NaturalPersons.PERSON_LABEL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Boulangerie Lemoine EI", "Lemoine (E.I.)", "Jean Dupont - entreprise individuelle",
        "Dupont Plomberie EIRL", "Marie Roux auto-entrepreneur", "Paul Vidal, micro-entrepreneur", "Léa Roux Micro Entreprise"})
    void aSoleTraderMarkerIsANaturalPerson(String name) {
        assertThat(NaturalPersons.byName(name)).get().extracting(NaturalPersons.Flag::label)
                .isEqualTo(NaturalPersons.SOLE_TRADER_LABEL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Association Madame Sans-Gêne", "Madame Sans-Gêne", "Docteur Clown", "Monsieur Bricolage",
        "Théâtre Monsieur Paul Durand", "Madame Jeanne et ses amis de la rue", "M. Bricolage SARL",
        "Maison de l'entreprise individuelle", "Union des auto-entrepreneurs", "Collectif des micro-entrepreneurs",
        "Association des auto-entrepreneurs de l'Aveyron", "Reims Ei", "Les Amis du Jardin", "Mme", "Madame",
        "Compagnie Madame Olga Ivanova", "Madame 100 Façons"})
    void namesOfBodiesAndTitlesAreNot(String name) {
        assertThat(NaturalPersons.byName(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000", "1000 - Entrepreneur individuel", "1", "1300", " 1000.0"})
    void legalFormsOfNaturalPersons(String cell) {
        assertThat(NaturalPersons.naturalPersonLegalForm(cell)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9220", "5499", "5710", "10000", "2", "", "entrepreneur individuel"})
    void otherLegalForms(String cell) {
        assertThat(NaturalPersons.naturalPersonLegalForm(cell)).isEqualTo(Optional.empty());
    }
}
