package org.atlascitoyen.mapservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Atlas Citoyen map service: territories, spatial queries and the web map, from PostGIS. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MapServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MapServiceApplication.class, args);
    }
}
