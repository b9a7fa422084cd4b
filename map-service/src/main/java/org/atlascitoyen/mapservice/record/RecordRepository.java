package org.atlascitoyen.mapservice.record;

import java.util.List;
import java.util.Optional;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.importers.record.Link;
import org.atlascitoyen.importers.record.RecordField;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.record.Shape;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The records of every kind, a page at a time or one in full, read from the kind's public view
 * with the fields of its description ({@code sql/record/page.sql}, {@code detail.sql}).
 */
@Repository
public class RecordRepository {

    private static final String PAGE = SqlResource.load("sql/record/page.sql");
    private static final String DETAIL = SqlResource.load("sql/record/detail.sql");

    private final JdbcClient jdbc;
    private final Pages pages;
    private final RecordContext context;

    RecordRepository(JdbcClient jdbc, Pages pages, RecordContext context) {
        this.jdbc = jdbc;
        this.pages = pages;
        this.context = context;
    }

    /** A page of the records matching a filter, in its order, after a cursor. */
    public FeaturePage<RecordFeature> page(Filter filter, Cursor after, int limit) {
        RecordSelect select = RecordSelect.of(filter.kind(), Shape.LIST, filter.sort() == Filter.Sort.DISTANCE);
        return pages.page(select.sql(PAGE), filter, after, limit, (rs, i) -> select.feature(rs));
    }

    /** One record in full, with its relations, or empty when the kind has none with this id. */
    public Optional<RecordFeature> find(RecordKind kind, long id) {
        RecordSelect select = RecordSelect.of(kind, Shape.DETAIL, false);
        return jdbc.sql(select.sql(DETAIL)).param("id", id).query((rs, i) -> select.feature(rs)).optional()
                .map(record -> new RecordFeature(id, withRelations(kind, id, record.properties()), record.geometry()));
    }

    /** The detail's themes with their labels, and its relations, each read by its own query. */
    private RecordProperties withRelations(RecordKind kind, long id, RecordProperties properties) {
        RecordProperties detail = properties;
        for (RecordField field : properties.fields()) {
            Object value = switch (field.type()) {
                case THEMES -> context.themes(themeCodes(properties.value(field.key())));
                case TERRITORIES -> context.territories(kind, id);
                case PROVENANCE -> context.sources(kind, id);
                case LINKED -> context.linked(link(kind, field.key()), id);
                case PERIMETER -> context.perimeter(kind, id);
                default -> properties.value(field.key());
            };
            detail = detail.with(field.key(), value);
        }
        return detail;
    }

    private static Link link(RecordKind kind, String name) {
        return kind.links().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<String> themeCodes(Object value) {
        return (List<String>) value;
    }
}
