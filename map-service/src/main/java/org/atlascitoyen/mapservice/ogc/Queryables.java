package org.atlascitoyen.mapservice.ogc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The queryables of a collection ({@code /ogc/collections/{collectionId}/queryables}) as the JSON
 * Schema of OGC API Features Part 3: one property per query parameter an items request takes
 * besides bbox, datetime and paging. The properties are a map because JSON Schema names them by
 * key; each value is a record.
 */
@JsonPropertyOrder({"$schema", "$id", "type", "title", "properties", "additionalProperties"})
public record Queryables(@JsonProperty("$schema") String schema, @JsonProperty("$id") String id, String title,
                         Map<String, Property> properties) {

    public static final String JSON_SCHEMA = "https://json-schema.org/draft/2019-09/schema";

    @JsonProperty("type")
    public String type() {
        return "object";
    }

    /** No filter on anything else: the items request refuses other parameters. */
    @JsonProperty("additionalProperties")
    public boolean additionalProperties() {
        return false;
    }

    /** One queryable: a string, from a closed list when it is a vocabulary. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Property(String title, String type, @JsonProperty("enum") List<String> values) {
    }
}
