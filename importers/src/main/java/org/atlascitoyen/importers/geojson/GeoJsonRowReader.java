package org.atlascitoyen.importers.geojson;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.atlascitoyen.importers.load.CountingInputStream;
import org.atlascitoyen.importers.load.JsonStream;
import org.atlascitoyen.importers.load.MalformedFileException;
import org.atlascitoyen.importers.source.Field;
import org.atlascitoyen.importers.source.FileRowReader;
import org.atlascitoyen.importers.source.JsonValues;
import org.atlascitoyen.importers.source.Mapping;
import org.atlascitoyen.importers.source.SourceRow;
import org.atlascitoyen.importers.territory.GeoJsonFeatures;
import tools.jackson.databind.JsonNode;

/**
 * Reads a GeoJSON FeatureCollection of points: the mapping names properties (dotted paths inside
 * {@code properties}), the geometry gives the coordinates. A feature without geometry is located
 * from its commune properties; a geometry other than a point rejects the feature.
 */
public final class GeoJsonRowReader extends FileRowReader {

    public GeoJsonRowReader(Path file, Mapping mapping) {
        super(file, mapping);
    }

    @Override
    public void read(Handler handler) throws IOException, SQLException {
        requireNotEmpty();
        if (mapping.rule(Field.NAME).isEmpty()) {
            throw new MalformedFileException(file + ": the " + mapping.origin() + " names no property for the name (field 'name')");
        }
        try (CountingInputStream in = open()) {
            int count = GeoJsonFeatures.read(file, in, feature -> handler.accept(row(feature)));
            if (count == 0) {
                note("the file holds no feature");
            }
        }
    }

    private SourceRow row(GeoJsonFeatures.Feature feature) {
        SourceRow row = new SourceRow(feature.number());
        JsonValues.fill(row, feature.properties(), mapping);
        if (feature.geometryJson() == null) {
            return row;
        }
        JsonNode geometry = JsonStream.MAPPER.readTree(feature.geometryJson());
        String type = geometry.path("type").asString("");
        JsonNode coordinates = geometry.path("coordinates");
        if (!"Point".equals(type)) {
            row.reject("not a point", "the geometry is a " + type + "; a directory feature is a Point");
        } else if (coordinates.size() < 2 || !coordinates.get(0).isNumber() || !coordinates.get(1).isNumber()) {
            row.reject("bad coordinates", "the Point has no [longitude, latitude] numbers: " + coordinates);
        } else {
            row.set(Field.LONGITUDE, coordinates.get(0).asString());
            row.set(Field.LATITUDE, coordinates.get(1).asString());
            row.set(Field.LAT_LON, null);
        }
        return row;
    }

    @Override
    public String position() {
        return "feature";
    }
}
