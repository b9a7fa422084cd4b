package org.atlascitoyen.mapservice.schedule;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.remote.Download;
import org.atlascitoyen.importers.schedule.ScheduleRunner;
import org.atlascitoyen.importers.schedule.ScheduledRun;
import org.atlascitoyen.mapservice.mail.AdminProperties;
import org.atlascitoyen.mapservice.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Re-imports the scheduled sources that are due ({@code ./atlas import schedule add ...}), every
 * {@code atlas.schedule.period}, through the importers' library. One turn at a time across every
 * instance of the service: {@link ScheduleRunner} holds a PostgreSQL advisory lock on a connection
 * of its own, and an instance that cannot take it skips its turn.
 *
 * <p>The service reads as the reader role, which cannot write; imports connect as the owner role
 * with the credentials Flyway uses ({@code spring.flyway.user}), on connections of their own,
 * never through the reader's pool. A failed run is mailed to the admins.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(prefix = "atlas.schedule", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ScheduledImportJob implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ScheduledImportJob.class);

    private final ScheduleProperties properties;
    private final ScheduleRunner runner;
    private final AdminProperties admins;
    private final Mailer mailer;

    public ScheduledImportJob(ScheduleProperties properties, AdminProperties admins, Mailer mailer,
                              @Value("${spring.datasource.url}") String url,
                              @Value("${spring.flyway.user:${spring.datasource.username:}}") String owner,
                              @Value("${spring.flyway.password:${spring.datasource.password:}}") String password,
                              @Value("${ATLAS_ROOT:}") String atlasRoot) {
        this.properties = properties;
        this.admins = admins;
        this.mailer = mailer;
        DatabaseConfig ownerDatabase = new DatabaseConfig(url, owner, password, null, null);
        this.runner = new ScheduleRunner(ownerDatabase, Download.withDefaults(), properties.workDirectoryOr(atlasRoot));
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::runDue, properties.period(), properties.initialDelay()));
    }

    /**
     * One turn: runs the due sources and mails the failures. Empty when this instance skipped its
     * turn (another one holds the lock, or the database cannot be reached).
     */
    public Optional<List<ScheduledRun>> runDue() {
        Optional<List<ScheduledRun>> runs;
        try {
            runs = runner.runDue(Optional.empty());
        } catch (SQLException | RuntimeException e) {
            log.warn("Scheduled imports skipped this turn: {}", e.getMessage());
            return Optional.empty();
        }
        if (runs.isEmpty()) {
            log.debug("Scheduled imports: another instance is running them, turn skipped");
            return runs;
        }
        for (ScheduledRun run : runs.get()) {
            if (run.failed()) {
                log.warn("Scheduled import of '{}' failed: {}", run.source().name(), run.message());
                mailAdmins(run);
            } else {
                log.info("Scheduled import of '{}': {}: {}", run.source().name(), run.status(), run.message());
            }
        }
        return runs;
    }

    private void mailAdmins(ScheduledRun run) {
        if (admins.adminEmails().isEmpty()) {
            log.warn("No admin to tell of the failure of '{}': set ATLAS_ADMIN_EMAILS", run.source().name());
            return;
        }
        FailureMail mail = FailureMail.of(run, run.startedAt().plus(run.source().refresh()));
        try {
            mailer.send(admins.adminEmails(), mail.subject(), mail.text());
        } catch (RuntimeException e) {
            log.warn("Could not mail the admins about the failure of '{}': {}", run.source().name(), e.getMessage());
        }
    }
}
