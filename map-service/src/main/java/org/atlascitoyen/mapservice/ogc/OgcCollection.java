package org.atlascitoyen.mapservice.ogc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.territory.TerritoryKind;

/**
 * The collections of the OGC API: the records of each kind (points, dated by their last update,
 * described by {@link RecordKind}) and one collection per kind of territory (polygons, undated).
 * Ids are plural nouns, acronyms left as they are ({@code epci}, {@code qpv}); titles are in
 * French, for the people who pick a layer in QGIS.
 *
 * @param record     the kind of record; null for territories
 * @param kind       the kind of territory; null for records
 * @param queryables the properties an items request filters on
 */
public record OgcCollection(String id, String title, String description, RecordKind record, TerritoryKind kind,
                            List<Queryable> queryables) {

    private static final List<OgcCollection> ALL = all();

    private static List<OgcCollection> all() {
        List<OgcCollection> all = new ArrayList<>();
        for (RecordKind record : RecordKind.values()) {
            all.add(new OgcCollection(record.path(), record.title(), record.description(), record, null,
                    record.queryables().stream().map(Queryable::byParameter).toList()));
        }
        all.add(territory("communes", "Communes", "Communes de la région (COG) et les clés de leurs territoires",
                TerritoryKind.COMMUNE, List.of(Queryable.DEPARTEMENT, Queryable.EPCI, Queryable.PETR,
                        Queryable.BASSIN_VIE)));
        all.add(territory("epci", "Intercommunalités (EPCI)", "EPCI à fiscalité propre : métropoles, communautés "
                + "urbaines, d'agglomération et de communes", TerritoryKind.EPCI, List.of(Queryable.CATEGORY)));
        all.add(territory("petr", "PETR", "Pôles d'équilibre territorial et rural", TerritoryKind.PETR, List.of()));
        all.add(territory("bassins_vie", "Bassins de vie", "Bassins de vie 2022 de l'Insee, nommés par leur commune "
                + "pôle", TerritoryKind.BASSIN_VIE, List.of()));
        all.add(territory("departements", "Départements", "Départements de la région", TerritoryKind.DEPARTEMENT,
                List.of()));
        all.add(territory("regions", "Région", "La région", TerritoryKind.REGION, List.of()));
        all.add(territory("qpv", "Quartiers prioritaires (QPV)", "Quartiers prioritaires de la politique de la ville",
                TerritoryKind.QPV, List.of()));
        all.add(territory("pnr", "Parcs naturels régionaux", "Parcs naturels régionaux", TerritoryKind.PNR, List.of()));
        return List.copyOf(all);
    }

    private static OgcCollection territory(String id, String title, String description, TerritoryKind kind,
                                           List<Queryable> queryables) {
        return new OgcCollection(id, title, description, null, kind, queryables);
    }

    /** Every collection: the records' first, then the territories', smallest first. */
    public static List<OgcCollection> values() {
        return ALL;
    }

    /** The collection with this id, if any. */
    public static Optional<OgcCollection> byId(String id) {
        return ALL.stream().filter(c -> c.id.equals(id)).findFirst();
    }

    /** Records have a last update; territories have no date. */
    public boolean isRecord() {
        return record != null;
    }

    /** The queryable named by a query parameter, if this collection has it. */
    public Optional<Queryable> queryable(String parameter) {
        return queryables.stream().filter(q -> q.parameter().equals(parameter)).findFirst();
    }
}
