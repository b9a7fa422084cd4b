package org.atlascitoyen.mapservice.schedule;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduled imports of the service ({@code ./atlas import schedule add ...} lists the sources).
 *
 * @param enabled       whether this instance runs them ({@code ATLAS_SCHEDULE_ENABLED}); several
 *                      instances may: one turn runs at a time across all of them
 * @param period        how often the list is checked for due sources ({@code ATLAS_SCHEDULE_PERIOD},
 *                      ISO 8601 or {@code 1m}); each source has its own refresh period
 * @param initialDelay  the wait after start-up before the first check
 * @param workDirectory where downloads and reject files go (default: {@code .atlas/schedule} in
 *                      the project, {@code $ATLAS_ROOT/.atlas/schedule})
 */
@ConfigurationProperties("atlas.schedule")
public record ScheduleProperties(@DefaultValue("true") boolean enabled,
                                 @DefaultValue("PT1M") Duration period,
                                 @DefaultValue("PT30S") Duration initialDelay,
                                 Path workDirectory) {

    public Path workDirectoryOr(String atlasRoot) {
        if (workDirectory != null) {
            return workDirectory;
        }
        return atlasRoot == null || atlasRoot.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "atlas-schedule")
                : Path.of(atlasRoot, ".atlas", "schedule");
    }
}
