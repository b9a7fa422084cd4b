package org.atlascitoyen.mapservice.retention;

import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.account.AccountProperties;
import org.atlascitoyen.mapservice.account.AccountRepository;
import org.atlascitoyen.mapservice.write.JobLock;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps personal data no longer than {@link RetentionProperties} says: warns inactive accounts twice
 * then deletes them (as {@code DELETE /api/account} does: contributions stay, without author),
 * deletes unconfirmed anonymous contributions and relay messages, and erases the text of relay
 * messages, keeping their counts. One instance at a time, as {@code moderation/EscalationJob}: a
 * turn runs in a transaction holding a PostgreSQL advisory lock, and does nothing without it.
 */
@Component
public class RetentionJob implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final String RESET = SqlResource.statement("sql/retention/reset-warnings.sql");
    private static final String TO_DELETE = SqlResource.statement("sql/retention/to-delete.sql");
    private static final String SECOND = SqlResource.statement("sql/retention/second-warning.sql");
    private static final String FIRST = SqlResource.statement("sql/retention/first-warning.sql");
    private static final String WARNED = SqlResource.statement("sql/retention/warned.sql");
    private static final String EXPIRE_CONTRIBUTIONS = SqlResource.statement("sql/retention/expire-contributions.sql");
    private static final String EXPIRE_RELAY = SqlResource.statement("sql/retention/expire-relay.sql");
    private static final String ERASE_RELAY = SqlResource.statement("sql/retention/erase-relay-text.sql");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AccountRepository accounts;
    private final RetentionMails mails;
    private final RetentionProperties properties;
    private final AccountProperties accountProperties;
    private final int port;

    RetentionJob(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc, @Qualifier(WriteDatabase.WRITE) TransactionTemplate transactions,
            AccountRepository accounts, RetentionMails mails, RetentionProperties properties, AccountProperties accountProperties,
            @Value("${server.port:8080}") int port) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.accounts = accounts;
        this.mails = mails;
        this.properties = properties;
        this.accountProperties = accountProperties;
        this.port = port;
    }

    /** What a turn did. */
    public record Turn(int warnedFirst, int warnedSecond, int accountsDeleted, int contributionsExpired,
            int relayExpired, int relayErased) {
    }

    /** One turn; all zeros when another instance holds the lock. */
    public Turn run() {
        try {
            Turn turn = transactions.execute(tx -> {
                if (!JobLock.tryHold(jdbc, "atlas.retention")) {
                    return new Turn(0, 0, 0, 0, 0, 0);
                }
                jdbc.sql(RESET).update();
                int deleted = 0;
                for (long id : jdbc.sql(TO_DELETE).param("months", properties.accountInactiveMonths())
                        .param("afterDays", properties.deleteAfterDays()).param("batch", properties.batch()).query(Long.class).list()) {
                    accounts.delete(id);
                    deleted++;
                }
                int second = warn(SECOND, true, properties.secondWarningAfterDays(), properties.deleteAfterDays());
                int first = warn(FIRST, false, 0, properties.secondWarningAfterDays() + properties.deleteAfterDays());
                int days = properties.unconfirmedDays();
                int contributions = jdbc.sql(EXPIRE_CONTRIBUTIONS).param("days", days).update();
                int relay = jdbc.sql(EXPIRE_RELAY).param("days", days).update();
                int erased = jdbc.sql(ERASE_RELAY).param("days", properties.relayTextDays()).update();
                return new Turn(first, second, deleted, contributions, relay, erased);
            });
            if (turn != null && !turn.equals(new Turn(0, 0, 0, 0, 0, 0))) {
                log.info("Retention: {} account(s) warned, {} warned again, {} deleted; {} unconfirmed contribution(s) and {} "
                        + "relay message(s) expired; {} relay message text(s) erased", turn.warnedFirst(), turn.warnedSecond(),
                        turn.accountsDeleted(), turn.contributionsExpired(), turn.relayExpired(), turn.relayErased());
            }
            return turn;
        } catch (DataAccessException e) {
            log.warn("Retention turn failed: {}", e.getMessage());
            return new Turn(0, 0, 0, 0, 0, 0);
        }
    }

    /** Mails one warning to each account of {@code sql}; an account whose mail fails is tried again next turn. */
    private int warn(String sql, boolean second, int afterDays, int daysLeft) {
        record Inactive(long id, String email) {
        }
        int warned = 0;
        for (Inactive account : jdbc.sql(sql).param("months", properties.accountInactiveMonths()).param("afterDays", afterDays)
                .param("batch", properties.batch()).query((rs, i) -> new Inactive(rs.getLong("id"), rs.getString("email"))).list()) {
            try {
                mails.warn(account.email(), second, properties.accountInactiveMonths(), daysLeft, accountProperties.publicUrlOr(port));
            } catch (RuntimeException e) {
                log.warn("Inactivity warning to account {} not sent: {}", account.id(), e.getClass().getSimpleName());
                continue;
            }
            jdbc.sql(WARNED).param("id", account.id()).param("second", second).update();
            warned++;
        }
        return warned;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.enabled()) {
            registrar.addFixedDelayTask(new FixedDelayTask(this::run, properties.period(), properties.initialDelay()));
        }
    }
}
