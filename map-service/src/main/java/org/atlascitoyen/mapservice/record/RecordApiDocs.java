package org.atlascitoyen.mapservice.record;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.atlascitoyen.importers.record.RecordField;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.record.Shape;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Lists the record endpoints of the OpenAPI document once per kind ({@code /api/actors},
 * {@code /api/initiatives}...) instead of once with a {@code {recordKind}} variable: a reader of the
 * documentation, and a client generator, sees each collection as its own path, as the service
 * serves them. A record's detail is described by the fields of its kind ({@code ActorDetail}...),
 * since the service writes it from them. The kinds are read from {@link RecordKind}.
 */
@Component
class RecordApiDocs implements OpenApiCustomizer {

    /** {@code {recordKind}} in a documented path, with or without the mapping's pattern. */
    private static final Pattern KIND = Pattern.compile("\\{recordKind(:[^}]*)?}");

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        Paths paths = openApi.getPaths();
        if (paths == null) {
            return;
        }
        Paths expanded = new Paths();
        paths.forEach((path, item) -> {
            if (!KIND.matcher(path).find()) {
                expanded.addPathItem(path, item);
                return;
            }
            for (RecordKind kind : RecordKind.values()) {
                expanded.addPathItem(KIND.matcher(path).replaceAll(kind.path()), forKind(item, kind));
            }
        });
        openApi.setPaths(expanded);
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            var schemas = openApi.getComponents().getSchemas();
            schemas.remove(RecordFeature.class.getSimpleName());
            schemas.remove(RecordProperties.class.getSimpleName());
            for (RecordKind kind : RecordKind.values()) {
                schemas.put(detailSchemaName(kind), detailSchema(kind));
            }
        }
    }

    private static String detailSchemaName(RecordKind kind) {
        return Character.toUpperCase(kind.table().charAt(0)) + kind.table().substring(1) + "Detail";
    }

    /** A record in full, as {@code /api/<path>/{id}} writes it: a GeoJSON Feature of the kind's detail fields. */
    private static Schema<?> detailSchema(RecordKind kind) {
        ObjectSchema properties = new ObjectSchema();
        for (RecordField field : kind.fields(Shape.DETAIL)) {
            properties.addProperty(field.name(), schema(field));
        }
        return new ObjectSchema().description(kind.title() + " : une fiche complète (GeoJSON Feature)")
                .addProperty("type", new StringSchema()._enum(List.of("Feature")))
                .addProperty("id", new IntegerSchema().format("int64"))
                .addProperty("properties", properties)
                .addProperty("geometry", new Schema<>().$ref("#/components/schemas/Point"));
    }

    private static Schema<?> schema(RecordField field) {
        return switch (field.type()) {
            case TEXT -> new StringSchema();
            case TEXTS -> new ArraySchema().items(new StringSchema());
            case THEMES -> new ArraySchema().items(new Schema<>().$ref("#/components/schemas/Labelled"));
            case BOOLEAN -> new BooleanSchema();
            case INTEGER, DISTANCE -> new IntegerSchema();
            case DATE -> new StringSchema().format("date");
            case TIMESTAMP -> new StringSchema().format("date-time");
            case TERRITORIES, PERIMETER -> new ArraySchema().items(new Schema<>().$ref("#/components/schemas/TerritoryRef"));
            case PROVENANCE -> new ArraySchema().items(new ObjectSchema()
                    .addProperty("source", new StringSchema()).addProperty("externalId", new StringSchema())
                    .addProperty("lastSeenAt", new StringSchema().format("date-time"))
                    .addProperty("seen", new BooleanSchema()).addProperty("matchRule", new StringSchema())
                    .addProperty("licence", new StringSchema().nullable(true).description("la licence des données de"
                            + " la source (Licence Ouverte 2.0, ODbL 1.0...) ; null : non donnée à l'import, « licence inconnue »"))
                    .addProperty("licenceUrl", new StringSchema().format("uri").nullable(true)
                            .description("le texte de la licence (http ou https)"))
                    .addProperty("attribution", new StringSchema().nullable(true)
                            .description("la mention que le producteur demande aux réutilisateurs")));
            case LINKED -> new ArraySchema().items(new ObjectSchema().addProperty("id", new IntegerSchema().format("int64"))
                    .addProperty("name", new StringSchema()));
        };
    }

    /** The operations of a path for one kind: without the kind parameter, with their own ids. */
    private static PathItem forKind(PathItem item, RecordKind kind) {
        PathItem copy = new PathItem().summary(item.getSummary()).description(item.getDescription());
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
            Operation operation = entry.getValue();
            List<io.swagger.v3.oas.models.parameters.Parameter> parameters = operation.getParameters() == null ? null
                    : operation.getParameters().stream().filter(p -> !"recordKind".equals(p.getName())).toList();
            copy.operation(entry.getKey(), new Operation().tags(operation.getTags()).summary(operation.getSummary())
                    .description(operation.getDescription()).externalDocs(operation.getExternalDocs())
                    .operationId(operation.getOperationId() + "_" + kind.path()).parameters(parameters)
                    .requestBody(operation.getRequestBody()).responses(responses(operation.getResponses(), kind))
                    .deprecated(operation.getDeprecated()).extensions(operation.getExtensions()));
        }
        return copy;
    }

    /** The responses, a detail's naming its kind's schema instead of the generic record. */
    private static ApiResponses responses(ApiResponses responses, RecordKind kind) {
        if (responses == null) {
            return null;
        }
        String generic = "#/components/schemas/" + RecordFeature.class.getSimpleName();
        ApiResponses copy = new ApiResponses();
        responses.forEach((status, response) -> {
            if (response.getContent() == null || response.getContent().values().stream()
                    .noneMatch(m -> m.getSchema() != null && generic.equals(m.getSchema().get$ref()))) {
                copy.addApiResponse(status, response);
                return;
            }
            Content content = new Content();
            response.getContent().forEach((type, media) -> content.addMediaType(type, new MediaType()
                    .schema(new Schema<>().$ref("#/components/schemas/" + detailSchemaName(kind)))));
            copy.addApiResponse(status, new ApiResponse().description(response.getDescription()).content(content));
        });
        return copy;
    }
}
