package org.atlascitoyen.mapservice.ogc;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.atlascitoyen.mapservice.record.Dataset;
import org.atlascitoyen.mapservice.territory.TerritoryKind;

/**
 * The collections of the OGC API: the directory's actors and initiatives (points, dated by their
 * last update) and one collection per kind of territory (polygons, undated). Ids are plural
 * nouns, acronyms left as they are ({@code epci}, {@code qpv}); titles are in French, for the
 * people who pick a layer in QGIS.
 */
public enum OgcCollection {
    ACTORS("actors", "Acteurs", "Qui agit où : associations, collectivités, collectifs d'habitants, tiers-lieux, "
            + "structures de l'ESS... (champs publics seulement)", Dataset.ACTORS, null,
            List.of(Queryable.TYPE, Queryable.THEME, Queryable.COMMUNE, Queryable.EPCI, Queryable.PETR,
                    Queryable.BASSIN_VIE, Queryable.DEPARTEMENT, Queryable.REGION)),
    INITIATIVES("initiatives", "Initiatives", "Projets et actions portés par les acteurs, leur statut et leurs "
            + "retours d'expérience", Dataset.INITIATIVES, null,
            List.of(Queryable.STATUS, Queryable.THEME, Queryable.COMMUNE, Queryable.EPCI, Queryable.PETR,
                    Queryable.BASSIN_VIE, Queryable.DEPARTEMENT, Queryable.REGION)),
    COMMUNES("communes", "Communes", "Communes de la région (COG) et les clés de leurs territoires", null,
            TerritoryKind.COMMUNE, List.of(Queryable.DEPARTEMENT, Queryable.EPCI, Queryable.PETR, Queryable.BASSIN_VIE)),
    EPCI("epci", "Intercommunalités (EPCI)", "EPCI à fiscalité propre : métropoles, communautés urbaines, "
            + "d'agglomération et de communes", null, TerritoryKind.EPCI, List.of(Queryable.CATEGORY)),
    PETR("petr", "PETR", "Pôles d'équilibre territorial et rural", null, TerritoryKind.PETR, List.of()),
    BASSINS_VIE("bassins_vie", "Bassins de vie", "Bassins de vie 2022 de l'Insee, nommés par leur commune pôle",
            null, TerritoryKind.BASSIN_VIE, List.of()),
    DEPARTEMENTS("departements", "Départements", "Départements de la région", null, TerritoryKind.DEPARTEMENT,
            List.of()),
    REGIONS("regions", "Région", "La région", null, TerritoryKind.REGION, List.of()),
    QPV("qpv", "Quartiers prioritaires (QPV)", "Quartiers prioritaires de la politique de la ville", null,
            TerritoryKind.QPV, List.of()),
    PNR("pnr", "Parcs naturels régionaux", "Parcs naturels régionaux", null, TerritoryKind.PNR, List.of());

    private final String id;
    private final String title;
    private final String description;
    private final Dataset dataset;
    private final TerritoryKind kind;
    private final List<Queryable> queryables;

    OgcCollection(String id, String title, String description, Dataset dataset, TerritoryKind kind,
                  List<Queryable> queryables) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.dataset = dataset;
        this.kind = kind;
        this.queryables = queryables;
    }

    /** The collection with this id, if any. */
    public static Optional<OgcCollection> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    /** The collection of a table ({@code actor}, {@code initiative}) or kind of territory, if any. */
    public static Optional<OgcCollection> bySource(String tableOrKind) {
        return Arrays.stream(values()).filter(c -> c.source().equals(tableOrKind)).findFirst();
    }

    /** Where the features come from: the record table, or the kind in table {@code territory}. */
    public String source() {
        return isRecord() ? dataset.table() : kind.key();
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** Actors or initiatives; null for territories. */
    public Dataset dataset() {
        return dataset;
    }

    /** The kind of territory; null for actors and initiatives. */
    public TerritoryKind kind() {
        return kind;
    }

    /** Actors and initiatives are records with a last update; territories have no date. */
    public boolean isRecord() {
        return dataset != null;
    }

    public List<Queryable> queryables() {
        return queryables;
    }

    /** The queryable named by a query parameter, if this collection has it. */
    public Optional<Queryable> queryable(String parameter) {
        return queryables.stream().filter(q -> q.parameter().equals(parameter)).findFirst();
    }
}
