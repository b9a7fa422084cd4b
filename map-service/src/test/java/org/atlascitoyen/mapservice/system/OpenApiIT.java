package org.atlascitoyen.mapservice.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.ServiceIT;
import org.atlascitoyen.mapservice.record.RecordPaths;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document describes every endpoint the service maps, and its page works offline. */
class OpenApiIT extends ServiceIT {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiTileAndOgcEndpointIsDescribed() {
        JsonNode document = json(get("/v3/api-docs"));
        assertThat(document.path("openapi").asString()).startsWith("3.");
        Set<String> described = new HashSet<>();
        document.path("paths").propertyNames().forEach(described::add);
        Set<String> mapped = new HashSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/") || p.startsWith("/tiles/") || p.startsWith("/ogc"))
                .filter(p -> !p.equals("/api/docs")) // the documentation page itself
                .flatMap(OpenApiIT::perKind)
                .forEach(mapped::add));
        assertThat(mapped).isNotEmpty();
        assertThat(described).containsAll(mapped);
    }

    /** A record mapping ({@code /api/{kind:...}}) stands for one path per kind. */
    private static Stream<String> perKind(String pattern) {
        return pattern.contains(RecordPaths.KIND)
                ? Arrays.stream(RecordKind.values()).map(kind -> pattern.replace(RecordPaths.KIND, kind.path()))
                : Stream.of(pattern);
    }

    @Test
    void theFilterParametersAreQueryParameters() {
        JsonNode parameters = json(get("/v3/api-docs")).path("paths").path("/api/actors").path("get").path("parameters");
        Set<String> names = new HashSet<>();
        parameters.forEach(p -> {
            assertThat(p.path("in").asString()).isEqualTo("query");
            names.add(p.path("name").asString());
        });
        assertThat(names).contains("bbox", "near", "radius", "territory", "theme", "type", "status", "q", "updatedSince",
                "limit", "cursor", "format");
    }

    @Test
    void theDocumentationPageIsServedWithoutACdn() {
        var page = get("/api/swagger-ui/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js").doesNotContain("https://");
        assertThat(get("/api/swagger-ui/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
        assertThat(get("/api/docs").statusCode()).isEqualTo(302);
    }
}
