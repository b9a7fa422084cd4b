package org.atlascitoyen.mapservice.ogc;

import java.util.Arrays;
import java.util.Map;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.record.Vocabularies;
import org.atlascitoyen.mapservice.territory.TerritoryKind;

/**
 * A property an items request can filter on with {@code name=value} (or {@code name=a,b}: any
 * of them). The name is the feature property's; {@code theme} matches a feature whose
 * {@code themes} hold it. The column is a constant of this enum: request text never becomes SQL.
 */
public enum Queryable {
    TYPE("type", "type", "Type d'acteur"),
    THEME("theme", "themes", "Thème (parmi les thèmes de l'élément)"),
    STATUS("status", "status", "Statut de l'initiative"),
    ROLE("role", "role", "Rôle de la personne ressource"),
    NATURE("nature", "nature", "Besoin ou offre"),
    EVENT_TYPE("eventType", "event_type", "Type d'événement"),
    OUTCOME("outcome", "outcome", "Issue de l'expérience"),
    COMMUNE("commune", "commune", "Commune (code Insee)"),
    EPCI("epci", "epci", "Intercommunalité (SIREN de l'EPCI)"),
    PETR("petr", "petr", "PETR (code)"),
    BASSIN_VIE("bassinVie", "bassin_vie", "Bassin de vie (code Insee de sa commune pôle)"),
    DEPARTEMENT("departement", "departement", "Département (code)"),
    REGION("region", "region", "Région (code Insee)"),
    CATEGORY("category", "category", "Forme de l'EPCI (CC, CA, CU, METRO)");

    private final String parameter;
    private final String column;
    private final String title;

    Queryable(String parameter, String column, String title) {
        this.parameter = parameter;
        this.column = column;
        this.title = title;
    }

    /** The queryable of a query parameter ({@code RecordKind.queryables()} names them so). */
    public static Queryable byParameter(String parameter) {
        return Arrays.stream(values()).filter(q -> q.parameter.equals(parameter)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No queryable " + parameter));
    }

    /** The query parameter, also the name of the feature property it filters. */
    public String parameter() {
        return parameter;
    }

    /** The column it compares, in the collection's table. */
    public String column() {
        return column;
    }

    public String title() {
        return title;
    }

    /** Whether it is a controlled vocabulary (type, theme, status, role...) rather than a territory key or category. */
    public boolean isVocabulary() {
        return this == TYPE || this == THEME || this == STATUS || this == ROLE || this == NATURE || this == EVENT_TYPE
                || this == OUTCOME;
    }

    /** The kind of territory whose code it takes (a former code is read as its successor), else null. */
    public TerritoryKind territoryKind() {
        return switch (this) {
            case COMMUNE -> TerritoryKind.COMMUNE;
            case EPCI -> TerritoryKind.EPCI;
            case PETR -> TerritoryKind.PETR;
            case BASSIN_VIE -> TerritoryKind.BASSIN_VIE;
            case DEPARTEMENT -> TerritoryKind.DEPARTEMENT;
            case REGION -> TerritoryKind.REGION;
            default -> null;
        };
    }

    /** The codes (and labels) it takes when it is a controlled vocabulary, else null (any code). */
    public Map<String, String> codes(Vocabularies vocabularies) {
        return switch (this) {
            case TYPE -> vocabularies.actorTypes();
            case THEME -> vocabularies.themes();
            case STATUS -> vocabularies.statuses();
            case ROLE -> vocabularies.labels(RecordKind.PERSON.category());
            case NATURE -> vocabularies.labels(RecordKind.NEED_OFFER.category());
            case EVENT_TYPE -> vocabularies.labels(RecordKind.EVENT.category());
            case OUTCOME -> vocabularies.labels(RecordKind.EXPERIENCE.category());
            default -> null;
        };
    }
}
