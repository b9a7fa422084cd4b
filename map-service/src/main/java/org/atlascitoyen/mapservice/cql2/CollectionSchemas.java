package org.atlascitoyen.mapservice.cql2;

import java.util.ArrayList;
import java.util.List;
import org.atlascitoyen.mapservice.ogc.OgcCollection;
import org.atlascitoyen.mapservice.ogc.Queryable;

/**
 * What a filter may name in each OGC collection: the collection's queryables (the same names as
 * its query parameters and feature properties), its {@code geometry}, and for actors and
 * initiatives {@code updatedAt} (the date {@code datetime} filters on). Columns are those of the
 * items queries: the kind's public view {@code r}, or a territory {@code t} and its commune {@code c}.
 */
public final class CollectionSchemas {

    /** The geometry's name in filters, as in CQL2's examples and GDAL's requests. */
    public static final String GEOMETRY = "geometry";
    /** The temporal property of actors and initiatives. */
    public static final String UPDATED = "updatedAt";

    private CollectionSchemas() {
    }

    public static Cql2Schema of(OgcCollection collection) {
        List<Cql2Schema.Property> properties = new ArrayList<>();
        for (Queryable q : collection.queryables()) {
            String table = collection.isRecord() ? "r." : q == Queryable.CATEGORY ? "t." : "c.";
            properties.add(new Cql2Schema.Property(q.parameter(), table + q.column(),
                    q == Queryable.THEME ? Cql2Schema.Type.TEXT_ARRAY : Cql2Schema.Type.TEXT));
        }
        properties.add(new Cql2Schema.Property(GEOMETRY, collection.isRecord() ? "r.geom" : "t.geom",
                Cql2Schema.Type.GEOMETRY));
        if (collection.isRecord()) {
            properties.add(new Cql2Schema.Property(UPDATED, "r.updated_at", Cql2Schema.Type.TIMESTAMP));
        }
        return Cql2Schema.of(properties);
    }
}
