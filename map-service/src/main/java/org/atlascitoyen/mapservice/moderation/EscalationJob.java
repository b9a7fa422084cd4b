package org.atlascitoyen.mapservice.moderation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.contribution.Audit;
import org.atlascitoyen.mapservice.contribution.ContributionProperties;
import org.atlascitoyen.mapservice.write.JobLock;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves pending items nobody handled for {@code escalateAfterDays} up one level, into the queues
 * of the enclosing territories' coordinators (see {@code sql/moderation/visible.sql}). One instance
 * at a time across the service's instances: a turn runs inside a transaction holding a PostgreSQL
 * advisory lock, and a turn that cannot take it does nothing (another instance is at it).
 */
@Component
public class EscalationJob implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(EscalationJob.class);
    private static final String ESCALATE = SqlResource.statement("sql/moderation/escalate.sql");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Audit audit;
    private final ContributionProperties properties;

    EscalationJob(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc, @Qualifier(WriteDatabase.WRITE) TransactionTemplate transactions,
            Audit audit, ContributionProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.properties = properties;
    }

    /** One turn; returns how many items moved up (0 when another instance holds the lock). */
    public int run() {
        try {
            Integer moved = transactions.execute(tx -> {
                if (!JobLock.tryHold(jdbc, "atlas.moderation-escalation")) {
                    return 0;
                }
                List<Long> ids = jdbc.sql(ESCALATE).param("days", properties.escalateAfterDays()).query(Long.class).list();
                for (long id : ids) {
                    audit.record(null, "escalated", null, null, id, null, Map.of());
                }
                return ids.size();
            });
            if (moved != null && moved > 0) {
                log.info("{} pending contribution(s) escalated to the enclosing territories", moved);
            }
            return moved == null ? 0 : moved;
        } catch (DataAccessException e) {
            log.warn("Escalation turn failed: {}", e.getMessage());
            return 0;
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration every = Duration.ofMillis(properties.escalationPeriodMs());
        registrar.addFixedDelayTask(new FixedDelayTask(this::run, every, every));
    }
}
