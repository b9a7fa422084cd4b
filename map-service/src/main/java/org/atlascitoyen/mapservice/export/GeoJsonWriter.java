package org.atlascitoyen.mapservice.export;

import java.io.OutputStream;
import java.util.List;
import org.atlascitoyen.mapservice.source.DataLicence;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;

/**
 * An RFC 7946 FeatureCollection written a feature at a time: the opening members by the
 * streaming generator, each feature by the application's mapper (so that it reads exactly as in
 * the lists), the closing brackets at the end. A foreign member {@code licences} comes first: the
 * licence of each source of the exported features, and only of those.
 */
final class GeoJsonWriter<R> implements ExportWriter<R> {

    private final ObjectWriter features;
    private final JsonGenerator json;

    GeoJsonWriter(ObjectMapper mapper, OutputStream out, List<DataLicence> licences) {
        // Flushing after each value would send one HTTP chunk per feature.
        this.features = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        this.json = features.createGenerator(out);
        json.writeStartObject();
        json.writeStringProperty("type", "FeatureCollection");
        json.writeName("licences");
        features.writeValue(json, licences);
        json.writeName("features");
        json.writeStartArray();
    }

    @Override
    public void write(R feature) {
        features.writeValue(json, feature);
    }

    @Override
    public void finish() {
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }
}
