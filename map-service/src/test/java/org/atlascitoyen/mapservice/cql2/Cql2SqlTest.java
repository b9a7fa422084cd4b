package org.atlascitoyen.mapservice.cql2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.atlascitoyen.mapservice.record.FilterSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SQL of a filter holds only the whitelist's columns and placeholders: values are parameters. */
class Cql2SqlTest {

    private static final Cql2Schema SCHEMA = Cql2Schema.of(List.of(
            new Cql2Schema.Property("type", "r.type", Cql2Schema.Type.TEXT),
            new Cql2Schema.Property("theme", "r.themes", Cql2Schema.Type.TEXT_ARRAY),
            new Cql2Schema.Property("geometry", "r.geom", Cql2Schema.Type.GEOMETRY),
            new Cql2Schema.Property("updatedAt", "r.updated_at", Cql2Schema.Type.TIMESTAMP)));

    @ParameterizedTest
    @ValueSource(strings = {
        "type = 'x''); DROP TABLE actor; --'",
        "type IN ('a', 'b'' OR 1=1 --') OR theme LIKE '%'' OR ''1''=''1'",
        "S_INTERSECTS(geometry, POINT(1 43)) AND T_INTERSECTS(updatedAt, INTERVAL('2024-01-01', '..'))",
        "NOT (type <> 'pg_sleep(10)') AND type BETWEEN 'a' AND 'z'"})
    void noValueOfTheFilterReachesTheSql(String filter) {
        FilterSql.Where where = Cql2Filter.where(filter, null, null, SCHEMA, Cql2Properties.defaults());

        String stripped = where.sql().replaceAll(":cql\\d+", "?");
        assertThat(stripped).doesNotContain("'").doesNotContain("DROP").doesNotContain("pg_sleep").doesNotContain("--");
        assertThat(stripped).matches("[\\w\\s().,?=<>&:\\[\\]]+");
        assertThat(where.params()).isNotEmpty();
    }

    @Test
    void textAndJsonGiveTheSameSql() {
        FilterSql.Where text = Cql2Filter.where("type = 'a' AND theme IN ('b', 'c')", "cql2-text", null, SCHEMA,
                Cql2Properties.defaults());
        FilterSql.Where json = Cql2Filter.where("{\"op\": \"and\", \"args\": [{\"op\": \"=\", \"args\": [{\"property\":"
                + " \"type\"}, \"a\"]}, {\"op\": \"in\", \"args\": [{\"property\": \"theme\"}, [\"b\", \"c\"]]}]}",
                "cql2-json", null, SCHEMA, Cql2Properties.defaults());

        assertThat(json.sql()).isEqualTo(text.sql());
        assertThat(json.params()).isEqualTo(text.params());
    }

    @Test
    void gdalsDraftNameOfCql2TextIsReadAsCql2Text() {
        assertThat(Cql2Filter.where("(type = 'association') AND (type ILIKE 'a%')", "cql-text", null, SCHEMA,
                Cql2Properties.defaults()).sql()).contains("r.type = :cql0").contains("r.type ILIKE :cql1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"T_INTERSECTS(updatedAt, TIMESTAMP('+1000000-01-01T00:00:00Z'))",
        "updatedAt > DATE('-5000-01-01')", "T_INTERSECTS(updatedAt, INTERVAL('0000-01-01', '..'))"})
    void datesOutsidePostgresqlsRangeAreRefusedBeforeTheDatabase(String filter) {
        assertThatThrownBy(() -> Cql2Filter.where(filter, null, null, SCHEMA, Cql2Properties.defaults()))
                .isInstanceOf(Cql2Exception.class).hasMessageContaining("year 1 to 9999");
    }

    @Test
    void whatPostgresqlWouldRefuseIsA400First() {
        assertThatThrownBy(() -> Cql2Filter.where("type LIKE 'abc\\'", null, null, SCHEMA, Cql2Properties.defaults()))
                .isInstanceOf(Cql2Exception.class).hasMessageContaining("escape character");
        assertThat(Cql2Filter.where("type LIKE 'a\\\\'", null, null, SCHEMA, Cql2Properties.defaults()).params())
                .containsValue("a\\\\");
        assertThatThrownBy(() -> Cql2Filter.where("{\"op\": \"=\", \"args\": [{\"property\": \"type\"}, \"a\\u0000b\"]}",
                "cql2-json", null, SCHEMA, Cql2Properties.defaults()))
                .isInstanceOf(Cql2Exception.class).hasMessageContaining("U+0000");
        assertThatThrownBy(() -> Cql2Filter.where("{\"op\": \"=\", \"args\": [{\"property\": \"type\"}, \"\\ud800\"]}",
                "cql2-json", null, SCHEMA, Cql2Properties.defaults()))
                .isInstanceOf(Cql2Exception.class).hasMessageContaining("lone surrogate");
    }

    @Test
    void anUnknownPropertyIsNamed() {
        assertThatThrownBy(() -> Cql2Filter.where("email = 'a'", null, null, SCHEMA, Cql2Properties.defaults()))
                .isInstanceOf(Cql2Exception.class).hasMessageContaining("Unknown property 'email'")
                .hasMessageContaining("type, theme, geometry, updatedAt");
    }
}
