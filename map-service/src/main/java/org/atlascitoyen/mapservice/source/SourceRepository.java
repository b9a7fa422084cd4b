package org.atlascitoyen.mapservice.source;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.source.SourceLicence;
import org.atlascitoyen.importers.territory.SourceManifest;
import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.record.FilterSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The directory sources and their licences: all of them, those holding records of a kind (an OGC
 * collection), and those of the records matching a filter (an export). Sources are public
 * metadata (table {@code source}, Flyway V11).
 */
@Repository
public class SourceRepository {

    private static final String LIST = SqlResource.load("sql/source/list.sql");
    private static final String OF_KIND = SqlResource.load("sql/source/of-kind.sql");
    private static final String OF_FILTER = SqlResource.load("sql/source/of-filter.sql");
    private static final String TERRITORY_KINDS = SqlResource.load("sql/source/territory-kinds.sql");
    /** The manifest of the reference sources, packaged with the importers. */
    private static final SourceManifest MANIFEST = SourceManifest.load();

    private final JdbcClient jdbc;

    SourceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every source, by name. */
    public List<SourceInfo> all() {
        return jdbc.sql(LIST).query((rs, i) -> new SourceInfo(rs.getString("name"), rs.getString("format"),
                rs.getString("licence"), rs.getString("licence_url"), rs.getString("attribution"),
                rs.getObject("first_run", OffsetDateTime.class), rs.getObject("last_run", OffsetDateTime.class))).list();
    }

    /**
     * The reference sources the last territory import read, with their producer and licence as
     * the manifest gives them; those of one kind of territory ({@code commune} gives
     * {@code commune-list} and {@code commune-polygons}) when {@code territoryKind} is not null.
     */
    public List<ReferenceLicence> references(String territoryKind) {
        List<String> kinds = jdbc.sql(TERRITORY_KINDS).query(String.class).list();
        return MANIFEST.sources().stream()
                .filter(s -> kinds.contains(s.kind()) && !s.license().isBlank())
                .filter(s -> territoryKind == null || s.kind().equals(territoryKind) || s.kind().startsWith(territoryKind + "-"))
                .map(s -> new ReferenceLicence(s.kind(), s.producer(), s.license(), knownUrl(s.license()), s.url()))
                .toList();
    }

    private static String knownUrl(String licence) {
        try {
            return SourceLicence.of(licence, null, null).url();
        } catch (IllegalArgumentException e) {
            return null; // a manifest's odd licence name is shown without a link
        }
    }

    /** The licences of the sources holding records of a kind, by source name. */
    public List<DataLicence> ofKind(RecordKind kind) {
        return jdbc.sql(OF_KIND.replace("${provenance}", kind.provenanceTable())).query(SourceRepository::licence).list();
    }

    /** The licences of the sources of the records matching a filter, by source name. */
    public List<DataLicence> of(Filter filter) {
        RecordKind kind = filter.kind();
        FilterSql.Where where = FilterSql.where(filter);
        String sql = OF_FILTER.replace("${provenance}", kind.provenanceTable())
                .replace("${provenanceKey}", kind.provenanceKey())
                .replace("${view}", kind.publicView())
                .replace("${where}", where.sql());
        return jdbc.sql(sql).params(where.params()).query(SourceRepository::licence).list();
    }

    private static DataLicence licence(ResultSet rs, int row) throws SQLException {
        return new DataLicence(rs.getString("name"), rs.getString("licence"), rs.getString("licence_url"),
                rs.getString("attribution"));
    }
}
