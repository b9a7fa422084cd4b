package org.atlascitoyen.mapservice.contribution;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.system.NotFoundException;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/actors/{id}/history} and {@code /api/initiatives/{id}/history}: what happened
 * to a record through contributions and moderation ("créée", "modifiée (champs)", "signalée"...),
 * by "un contributeur" or "un modérateur", never a person. Read from the audit by the writer (the
 * reader role cannot read the audit, which names accounts); only action, time, field names leave.
 */
@RestController
public class HistoryController {

    private static final String SQL = SqlResource.statement("sql/contribution/history.sql");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Places places;

    HistoryController(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc, Places places) {
        this.jdbc = jdbc;
        this.places = places;
    }

    @GetMapping("/api/actors/{id}/history")
    public History actor(@PathVariable long id) {
        return history("actor", id);
    }

    @GetMapping("/api/initiatives/{id}/history")
    public History initiative(@PathVariable long id) {
        return history("initiative", id);
    }

    private History history(String kind, long id) {
        List<HistoryEntry> entries = jdbc.sql(SQL).param("recordKind", kind).param("id", id).query((rs, i) -> {
            String fields = rs.getString("fields");
            return entry(rs.getObject("at", OffsetDateTime.class), rs.getString("action"),
                    fields == null ? List.of() : Arrays.asList(JSON.readValue(fields, String[].class)), rs.getString("by"));
        }).list();
        if (entries.isEmpty() && places.find(kind, id).filter(r -> !r.hidden()).isEmpty()) {
            throw new NotFoundException("No " + kind + " " + id);
        }
        return new History(kind, id, entries);
    }

    private static HistoryEntry entry(OffsetDateTime at, String action, List<String> fields, String by) {
        return switch (action) {
            case "created" -> new HistoryEntry(at, "créée", fields, "un contributeur");
            case "modified" -> new HistoryEntry(at, "modifiée", fields, "owner".equals(by) ? "la structure" : "un contributeur");
            case "claimed" -> new HistoryEntry(at, "gérée par sa structure", List.of(), "owner".equals(by) ? "la structure" : "un modérateur");
            case "hidden" -> new HistoryEntry(at, "masquée après plusieurs signalements", List.of(), "des contributeurs");
            case "restored" -> new HistoryEntry(at, "rétablie", List.of(), "un modérateur");
            case "removed" -> new HistoryEntry(at, "retirée", List.of(), "un modérateur");
            case "erased" -> new HistoryEntry(at, "données personnelles effacées à la demande de la personne concernée", List.of(),
                    "un modérateur");
            default -> new HistoryEntry(at, "signalée", List.of(), "un contributeur");
        };
    }
}
