package org.atlascitoyen.mapservice.contribution;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.List;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/contributions/mine}: the signed-in author's contributions, newest first (401 anonymous). */
@RestController
public class MyContributionsController {

    private static final String MINE = SqlResource.statement("sql/contribution/mine.sql");
    private static final int LIMIT = 200;

    private final JdbcClient jdbc;
    private final Callers callers;

    MyContributionsController(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc, Callers callers) {
        this.jdbc = jdbc;
        this.callers = callers;
    }

    @GetMapping("/api/contributions/mine")
    public List<MyContribution> mine(HttpServletRequest http) {
        long account = callers.accountId(http);
        return jdbc.sql(MINE).param("accountId", account).param("limit", LIMIT)
                .query((rs, i) -> new MyContribution(rs.getLong("id"), rs.getString("kind"), rs.getString("record_kind"),
                        rs.getObject("record_id", Long.class), rs.getString("name"), rs.getString("status"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("decided_at", OffsetDateTime.class),
                        rs.getString("decision_reason")))
                .list();
    }
}
