package org.atlascitoyen.mapservice.needoffer;

import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.system.DataVersion;
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
 * Expired announcements leave need_offer: the public view already hides one from the day after
 * its last day, but the stored map cells (low-zoom clusters, counted from the table) follow only a
 * write. Each turn moves every expired or closed announcement to {@code need_offer_archive} (so its
 * cell is recomputed in the same transaction) and deletes the archived ones that ended more than
 * {@code purgeAfterDays} days ago. One instance at a time ({@link JobLock}).
 */
@Component
public class NeedOfferExpiryJob implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(NeedOfferExpiryJob.class);
    private static final String ARCHIVE = SqlResource.statement("sql/need-offer/archive.sql");
    private static final String PURGE = SqlResource.statement("sql/need-offer/purge.sql");
    private static final String BUMP = SqlResource.statement("sql/moderation/bump.sql");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final NeedOfferProperties properties;
    private final DataVersion dataVersion;

    NeedOfferExpiryJob(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc, @Qualifier(WriteDatabase.WRITE) TransactionTemplate transactions,
            NeedOfferProperties properties, DataVersion dataVersion) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.dataVersion = dataVersion;
    }

    /** What a turn did: announcements archived and purged (both 0 when another instance holds the lock). */
    public record Turn(int archived, int purged) {
    }

    /** One turn. */
    public Turn run() {
        Turn turn;
        try {
            turn = transactions.execute(tx -> {
                if (!JobLock.tryHold(jdbc, "atlas.need-offer-expiry")) {
                    return new Turn(0, 0);
                }
                int archived = jdbc.sql(ARCHIVE).param("id", null).update();
                int purged = jdbc.sql(PURGE).param("days", properties.purgeAfterDays()).query(Integer.class).single();
                if (archived > 0) {
                    jdbc.sql(BUMP).update();
                }
                return new Turn(archived, purged);
            });
        } catch (DataAccessException e) {
            log.warn("Needs and offers expiry turn failed: {}", e.getMessage());
            return new Turn(0, 0);
        }
        if (turn != null && turn.archived() > 0) {
            dataVersion.refresh();
            log.info("Needs and offers: {} ended announcement(s) left the map, {} purged", turn.archived(), turn.purged());
        }
        return turn == null ? new Turn(0, 0) : turn;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::run, properties.expiryPeriod(), properties.expiryPeriod()));
    }
}
