package org.atlascitoyen.mapservice.system;

import java.time.Duration;
import org.atlascitoyen.importers.db.SqlResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The version of the published data, held in memory: what ETags and response caches are keyed
 * on, so that a request can be answered "not modified" without a database query. The published
 * data only changes through import runs (directory imports record a run in the transaction that
 * publishes; territory imports likewise) and moderation decisions (which count themselves in
 * {@code publish_counter} in the transaction that publishes), so the version is made of those.
 *
 * <p>Read when the service is ready, then every {@link AtlasProperties#dataVersionPollMs()} in the
 * background, never per request: a response may name the previous version for that long after an
 * import. Call {@link #refresh()} to read it at once (tests, or after an import in-process).
 */
@Component
@EnableScheduling
public class DataVersion implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DataVersion.class);
    private static final String SQL = SqlResource.load("sql/system/data-version.sql");

    /**
     * A version of the published data.
     *
     * @param importRun       id of the last succeeded directory import run (0 before any)
     * @param territoryImport id of the last reference territory import (0 before any)
     * @param moderation      writes of moderators (and owners) to the published records (0 before any)
     */
    public record Version(long importRun, long territoryImport, long moderation) {

        /** A short text naming the version, e.g. {@code r13.t1.m4}. */
        @Override
        public String toString() {
            return "r" + importRun + ".t" + territoryImport + ".m" + moderation;
        }
    }

    private final JdbcClient jdbc;
    private final Duration pollEvery;
    private volatile Version current;

    DataVersion(JdbcClient jdbc, AtlasProperties properties) {
        this.jdbc = jdbc;
        this.pollEvery = Duration.ofMillis(properties.dataVersionPollMs());
    }

    /** The version last read; null while the database has never answered. */
    public Version current() {
        return current;
    }

    /**
     * Reads the version from the database now and returns it. When the database does not answer,
     * the last version read stays current (and null stays null).
     */
    public Version refresh() {
        try {
            Version read = jdbc.sql(SQL).query((rs, i) -> new Version(rs.getLong("import_run"), rs.getLong("territory_import"),
                            rs.getLong("moderation")))
                    .single();
            if (!read.equals(current)) {
                log.info("Published data version {} (was {})", read, current);
                current = read;
            }
        } catch (DataAccessException e) {
            log.debug("Data version not read: {}", e.getMessage());
        }
        return current;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        refresh();
    }

    /**
     * Polls at the period of the properties record (an {@code @Scheduled} placeholder would need
     * its own default, a second copy of it).
     */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::refresh, pollEvery, pollEvery));
    }
}
