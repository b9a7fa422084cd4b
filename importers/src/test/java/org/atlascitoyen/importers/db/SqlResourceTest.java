package org.atlascitoyen.importers.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlResourceTest {

    @Test
    void splitsAScriptAtSemicolonsEndingALineAndDropsCommentOnlyParts() {
        var statements = SqlResource.statements("sql/territory-import/staging.sql");
        assertThat(statements).isNotEmpty();
        assertThat(statements).allSatisfy(s -> assertThat(s).doesNotEndWith(";"));
        assertThat(statements.get(0)).isEqualTo("""
                -- Staging tables of one reference import: filled by COPY, read by publish.sql, gone at commit.
                SET LOCAL client_min_messages = warning""");
        assertThat(statements).anySatisfy(s -> assertThat(s).contains("CREATE TEMP TABLE stage_shape ("));
    }

    @Test
    void aOneStatementScriptIsItsStatementWithoutTheSemicolonAndAScriptOfSeveralIsRefused() {
        String lock = SqlResource.statement("sql/territory-import/lock.sql");

        assertThat(lock).startsWith("-- ").endsWith("SELECT pg_advisory_xact_lock(hashtext('atlas.territory-import'))");
        assertThat(SqlResource.firstLine(lock)).isEqualTo("SELECT pg_advisory_xact_lock(hashtext('atlas.territory-import'))");
        assertThatThrownBy(() -> SqlResource.statement("sql/territory-import/staging.sql"))
                .hasMessageContaining("sql/territory-import/staging.sql").hasMessageContaining("not one");
    }

    @Test
    void aMissingResourceIsNamed() {
        assertThatThrownBy(() -> SqlResource.load("sql/nowhere.sql"))
                .hasMessageContaining("sql/nowhere.sql");
    }

    @Test
    void databaseConfigSwapsTheDatabaseKeepingServerAndOptions() {
        var db = new DatabaseConfig("jdbc:postgresql://127.0.0.1:54320/atlas?ssl=false", "atlas", "pw", null, null);
        assertThat(db.withDatabase("atlas_t_1").url()).isEqualTo("jdbc:postgresql://127.0.0.1:54320/atlas_t_1?ssl=false");
        assertThat(db.withDatabase("atlas_t_1").database()).isEqualTo("atlas_t_1");
        assertThat(db.readerUser()).isEqualTo("atlas");
        assertThat(db.readerPassword()).isEqualTo("pw");
    }

    @Test
    void noDatabaseUrlSaysWhatToDo() {
        assertThatThrownBy(() -> new DatabaseConfig(null, null, null, null, null))
                .hasMessageContaining("ATLAS_DB_URL")
                .hasMessageContaining("./atlas");
    }
}
