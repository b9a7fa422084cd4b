package org.atlascitoyen.mapservice.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and description heading the OpenAPI document ({@code /v3/api-docs}, browsable at {@code /api/docs}). */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    @Bean
    OpenAPI atlasOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Atlas Citoyen API")
                .version("1")
                .description("""
                        Who does what, where: actors and initiatives of citizen engagement, keyed to communes \
                        and every territory above them (EPCI, PETR, bassin de vie, département, région).

                        * Lists, tiles, coverage and exports share one filter set: bbox, near + radius, \
                        territory=kind:code, theme, type (actors), status (initiatives), q (French full-text), \
                        updatedSince. Unknown or malformed parameters are a 400 naming the parameter.
                        * GeoJSON per RFC 7946 (WGS84 lon/lat); errors as RFC 9457 problem details.
                        * OGC API - Features at /ogc, for QGIS and GDAL.
                        * Contact fields (email, phone) are private and never served."""));
    }
}
