package org.atlascitoyen.mapservice.rights;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.account.AccountProperties;
import org.atlascitoyen.mapservice.contribution.Audit;
import org.atlascitoyen.mapservice.mail.AdminProperties;
import org.atlascitoyen.mapservice.write.JobLock;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails the admins ({@code ATLAS_ADMIN_EMAILS} and the accounts with the admin role) once about
 * each rights request past its due date, which the console also lists first. One instance at a
 * time, as {@code moderation/EscalationJob}: a turn runs inside a transaction holding a PostgreSQL
 * advisory lock and marks the requests it mails about; when a mail cannot be sent (or there is no
 * admin to mail) the turn is rolled back, so the next turn tries again. The same turn forgets the
 * requests whose verification link expired unused.
 */
@Component
public class RightsEscalationJob implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RightsEscalationJob.class);
    private static final String OVERDUE = SqlResource.statement("sql/rights/overdue.sql");
    private static final String ADMIN_EMAILS = SqlResource.statement("sql/rights/admin-emails.sql");
    private static final String EXPIRE = SqlResource.statement("sql/rights/expire.sql");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Audit audit;
    private final RightsMails mails;
    private final RightsProperties properties;
    private final AdminProperties admins;
    private final AccountProperties accountProperties;
    private final Environment environment;

    RightsEscalationJob(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc, @Qualifier(WriteDatabase.WRITE) TransactionTemplate transactions,
            Audit audit, RightsMails mails, RightsProperties properties, AdminProperties admins, AccountProperties accountProperties,
            Environment environment) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.mails = mails;
        this.properties = properties;
        this.admins = admins;
        this.accountProperties = accountProperties;
        this.environment = environment;
    }

    private record Overdue(long id, String kind, String recordKind, long recordId, String recordName, OffsetDateTime dueAt) {
    }

    /** One turn; returns how many overdue requests the admins were mailed about (0 when another instance holds the lock). */
    public int run() {
        try {
            Integer mailed = transactions.execute(tx -> {
                if (!JobLock.tryHold(jdbc, "atlas.rights-escalation")) {
                    return 0;
                }
                jdbc.sql(EXPIRE).update();
                List<Overdue> overdue = jdbc.sql(OVERDUE).query((rs, i) -> new Overdue(rs.getLong("id"), rs.getString("kind"),
                        rs.getString("record_kind"), rs.getLong("record_id"), rs.getString("record_name"),
                        rs.getObject("due_at", OffsetDateTime.class))).list();
                if (overdue.isEmpty()) {
                    return 0;
                }
                Set<String> to = new LinkedHashSet<>(admins.adminEmails());
                to.addAll(jdbc.sql(ADMIN_EMAILS).query(String.class).list());
                if (to.isEmpty()) {
                    // Not marked: the admins named later are still told.
                    log.warn("{} overdue rights request(s) and no admin to mail (set ATLAS_ADMIN_EMAILS)", overdue.size());
                    tx.setRollbackOnly();
                    return 0;
                }
                for (Overdue o : overdue) {
                    mails.overdue(List.copyOf(to), o.id(), o.kind(), o.recordName(), o.dueAt(), baseUrl());
                    audit.record(null, "rights-escalated", o.recordKind(), o.recordId(), null, null, Map.of("rightsRequest", o.id()));
                }
                return overdue.size();
            });
            if (mailed != null && mailed > 0) {
                log.info("{} overdue rights request(s) escalated to the admins", mailed);
            }
            return mailed == null ? 0 : mailed;
        } catch (RuntimeException e) {
            // A database or mail failure: the marks are rolled back, the next turn tries again.
            log.warn("Rights escalation turn failed: {}", e.getMessage());
            return 0;
        }
    }

    /** The links' base: ATLAS_PUBLIC_URL, else this instance's port (known once the server listens). */
    private String baseUrl() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return accountProperties.publicUrlOr(Integer.parseInt(port));
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration every = Duration.ofMillis(properties.escalationPeriodMs());
        registrar.addFixedDelayTask(new FixedDelayTask(this::run, every, every));
    }
}
