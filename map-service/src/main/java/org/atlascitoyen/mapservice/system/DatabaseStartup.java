package org.atlascitoyen.mapservice.system;

import java.net.ConnectException;
import java.sql.SQLException;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Applies the schema at start-up, and when the database cannot be reached, says so in one clear
 * line and starts anyway: {@code /actuator/health} then reports DOWN with the reason and the API
 * answers 503, instead of the process dying with a page of stack trace.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseStartup {

    private static final Logger log = LoggerFactory.getLogger(DatabaseStartup.class);

    @Bean
    FlywayMigrationStrategy tolerantMigration(@Value("${spring.datasource.url}") String url) {
        return flyway -> {
            try {
                flyway.migrate();
            } catch (FlywayException e) {
                if (!isConnectionFailure(e)) {
                    throw e;
                }
                log.error("Database unreachable at {}: {}. The service starts without it: /actuator/health reports DOWN"
                        + " and the API answers 503 until it is reachable (then restart to apply the schema)."
                        + " With ./atlas, run './atlas db start'; otherwise check ATLAS_DB_URL, ATLAS_DB_USER and"
                        + " ATLAS_DB_PASSWORD.", url, rootMessage(e));
            }
        };
    }

    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("28P01")
                        || sql.getSQLState().equals("3D000"))) {
                return true; // connection failure, bad password, unknown database
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
