package org.atlascitoyen.mapservice.record;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.atlascitoyen.importers.record.RecordKind;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Lists the record endpoints of the OpenAPI document once per kind ({@code /api/actors},
 * {@code /api/initiatives}...) instead of once with a {@code {recordKind}} variable: a reader of the
 * documentation, and a client generator, sees each collection as its own path, as the service
 * serves them. The kinds are read from {@link RecordKind}.
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
                    .requestBody(operation.getRequestBody()).responses(operation.getResponses())
                    .deprecated(operation.getDeprecated()).extensions(operation.getExtensions()));
        }
        return copy;
    }
}
