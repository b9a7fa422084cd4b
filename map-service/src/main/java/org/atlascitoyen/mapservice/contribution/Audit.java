package org.atlascitoyen.mapservice.contribution;

import java.util.Map;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the audit trail: who (account, or none for an anonymous author), when, what, why. The
 * public history of a record reads only the action, the time and the names of changed fields.
 */
@Component
public class Audit {

    private static final String SQL = SqlResource.load("sql/contribution/audit.sql");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    Audit(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records an action.
     *
     * @param details what the action touched, without any address or personal data (field names,
     *                the kind of author: {@code by} = contributor, owner, moderator)
     */
    public void record(Long accountId, String action, String recordKind, Long recordId, Long contributionId, String reason,
            Map<String, ?> details) {
        jdbc.sql(SQL).param("accountId", accountId).param("action", action).param("recordKind", recordKind)
                .param("recordId", recordId).param("contributionId", contributionId).param("reason", reason)
                .param("details", JSON.writeValueAsString(details)).update();
    }
}
