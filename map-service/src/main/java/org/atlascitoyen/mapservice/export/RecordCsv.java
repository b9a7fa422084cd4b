package org.atlascitoyen.mapservice.export;

import java.util.ArrayList;
import java.util.List;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.record.RecordFeature;

/**
 * The columns of a kind's CSV export, from its description ({@link RecordKind#csvColumns()}):
 * headers named as the JSON properties they repeat, {@code id}, {@code lon} and {@code lat}
 * from the feature, {@code distance} last and only around a point.
 */
final class RecordCsv {

    private RecordCsv() {
    }

    static List<CsvColumn<RecordFeature>> columns(RecordKind kind, boolean withDistance) {
        List<CsvColumn<RecordFeature>> columns = new ArrayList<>();
        for (String key : kind.csvColumns()) {
            columns.add(switch (key) {
                case "id" -> new CsvColumn<>("id", RecordFeature::id);
                case "lon" -> new CsvColumn<>("lon", f -> f.geometry().lon());
                case "lat" -> new CsvColumn<>("lat", f -> f.geometry().lat());
                default -> new CsvColumn<>(kind.field(key).name(), f -> f.properties().value(key));
            });
        }
        if (withDistance) {
            columns.add(new CsvColumn<>("distance", f -> f.properties().value("distance")));
        }
        return columns;
    }
}
