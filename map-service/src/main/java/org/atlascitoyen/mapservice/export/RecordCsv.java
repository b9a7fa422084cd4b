package org.atlascitoyen.mapservice.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.record.RecordFeature;
import org.atlascitoyen.mapservice.source.DataLicence;

/**
 * The columns of a kind's CSV export, from its description ({@link RecordKind#csvColumns()}):
 * headers named as the JSON properties they repeat, {@code id}, {@code lon} and {@code lat}
 * from the feature, {@code distance} last and only around a point. After {@code sources},
 * {@code sourceLicences}: the licence of each source, in the same order (empty when not given at
 * import), from the licences of the export's sources read before the file.
 */
final class RecordCsv {

    private RecordCsv() {
    }

    static List<CsvColumn<RecordFeature>> columns(RecordKind kind, boolean withDistance, List<DataLicence> licences) {
        Map<String, String> licenceOf = new HashMap<>();
        licences.forEach(l -> licenceOf.put(l.source(), l.licence() == null ? "" : l.licence()));
        List<CsvColumn<RecordFeature>> columns = new ArrayList<>();
        for (String key : kind.csvColumns()) {
            columns.add(switch (key) {
                case "id" -> new CsvColumn<>("id", RecordFeature::id);
                case "lon" -> new CsvColumn<>("lon", f -> f.geometry().lon());
                case "lat" -> new CsvColumn<>("lat", f -> f.geometry().lat());
                default -> new CsvColumn<>(kind.field(key).name(), f -> f.properties().value(key));
            });
            if (key.equals("sources")) {
                columns.add(new CsvColumn<>("sourceLicences", f -> sourceNames(f).stream()
                        .map(source -> licenceOf.getOrDefault(source, "")).toList()));
            }
        }
        if (withDistance) {
            columns.add(new CsvColumn<>("distance", f -> f.properties().value("distance")));
        }
        return columns;
    }

    @SuppressWarnings("unchecked")
    private static List<String> sourceNames(RecordFeature feature) {
        List<String> names = (List<String>) feature.properties().value("sources");
        return names == null ? List.of() : names;
    }
}
