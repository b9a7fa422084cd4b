package org.atlascitoyen.mapservice.person;

import org.atlascitoyen.mapservice.record.RecordFeature;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A person's detail: the record's GeoJSON Feature as every kind writes it, and, for a signed-in
 * request only, {@code properties.members}: the values the person shows to members. Anonymous,
 * {@code members} is absent (not null: nothing says what is hidden beyond {@code visibility}).
 */
@JsonSerialize(using = PersonDetail.Writer.class)
public record PersonDetail(RecordFeature feature, MemberValues members) {

    /** Values a person shows to signed-in members only (null: not at that level). */
    public record MemberValues(String name, String description, String structureName, String website, String address) {
    }

    static final class Writer extends ValueSerializer<PersonDetail> {
        private static final JsonMapper JSON = JsonMapper.builder().build();

        @Override
        public void serialize(PersonDetail detail, JsonGenerator json, SerializationContext context) {
            ObjectNode tree = JSON.valueToTree(detail.feature());
            if (detail.members() != null) {
                ((ObjectNode) tree.get("properties")).set("members", JSON.valueToTree(detail.members()));
            }
            json.writeTree(tree);
        }
    }
}
