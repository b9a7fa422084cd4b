package org.atlascitoyen.importers.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecordKindTest {

    @ParameterizedTest
    @EnumSource(RecordKind.class)
    void everyShapeNamesItsFieldsOnceAndNoPrivateColumn(RecordKind kind) {
        for (Shape shape : Shape.values()) {
            List<String> names = kind.fields(shape).stream().map(RecordField::name).toList();
            assertThat(new HashSet<>(names)).as(kind + " " + shape + " names a property twice").hasSameSizeAs(names);
            assertThat(names).as(kind + " " + shape).doesNotContain("email", "phone");
            for (RecordField field : kind.fields(shape)) {
                if (field.sql() != null) {
                    assertThat(field.sql()).as("private columns are not in the public view")
                            .doesNotContainIgnoringCase("email").doesNotContainIgnoringCase("phone");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(RecordKind.class)
    void relationsAreOnlyInTheDetail(RecordKind kind) {
        for (Shape shape : List.of(Shape.LIST, Shape.EXPORT, Shape.OGC)) {
            assertThat(kind.fields(shape)).as(kind + " " + shape).noneMatch(f -> f.type().isRelation());
        }
        assertThat(kind.fields(Shape.DETAIL).stream().map(RecordField::type))
                .contains(ValueType.TERRITORIES, ValueType.PROVENANCE);
    }

    @ParameterizedTest
    @EnumSource(RecordKind.class)
    void theCsvHoldsTheExportsFieldsWithIdAndPoint(RecordKind kind) {
        List<String> expected = new ArrayList<>(List.of("id", "lon", "lat"));
        kind.fields(Shape.EXPORT).forEach(f -> expected.add(f.key()));
        assertThat(kind.csvColumns()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(RecordKind.class)
    void linksNameAnotherKindAndTheirQuery(RecordKind kind) {
        for (Link link : kind.links()) {
            assertThat(link.otherKind()).isNotEqualTo(kind);
            assertThat(RecordKind.class.getClassLoader().getResource(link.sql()))
                    .as("the query of " + kind + "." + link.name() + " is not in this module: it is the service's")
                    .isNull();
            assertThat(kind.fields(Shape.DETAIL)).extracting(RecordField::key).contains(link.name());
        }
    }

    @ParameterizedTest
    @EnumSource(RecordKind.class)
    void namesFollowTheTable(RecordKind kind) {
        assertThat(kind.publicView()).isEqualTo(kind.table() + "_public");
        assertThat(kind.provenanceTable()).isEqualTo(kind.table() + "_provenance");
        assertThat(RecordKind.byPath(kind.path())).contains(kind);
        assertThat(RecordKind.byTable(kind.table())).isEqualTo(kind);
        assertThat(kind.queryables()).startsWith(kind.category().parameter()).contains("theme", "commune");
    }

    @Test
    void personsShowTheirPerimeterAndNothingOfTheirAccount() {
        RecordKind persons = RecordKind.PERSON;
        assertThat(RecordKind.byPath("persons")).contains(persons);
        assertThat(persons.category().parameter()).isEqualTo("role");
        assertThat(persons.category().table()).isEqualTo("person_role");
        assertThat(persons.field("perimeter").type()).isEqualTo(ValueType.PERIMETER);
        assertThat(persons.fields(Shape.DETAIL)).extracting(RecordField::key).contains("perimeter", "structure", "relayEnabled");
        assertThat(persons.field("perimeterKeys").name()).isEqualTo("perimeter");
        assertThat(persons.field("perimeterKeys").sql()).contains("person_perimeter");
        for (Shape shape : Shape.values()) {
            assertThat(persons.fields(shape)).extracting(RecordField::name)
                    .doesNotContain("account", "accountId", "email", "phone", "visibility");
        }
        assertThat(persons.queryables()).startsWith("role");
    }

    @Test
    void aliasesAreTheKeysInSnakeCase() {
        assertThat(RecordKind.ACTOR.field("bassinVie").alias()).isEqualTo("bassin_vie");
        assertThat(RecordKind.ACTOR.field("bassinVie").sql()).isEqualTo("r.bassin_vie");
        assertThat(RecordKind.INITIATIVE.field("lessonsLearned").sql()).isEqualTo("r.lessons_learned");
        assertThat(RecordKind.ACTOR.field("typeLabel").join()).isEqualTo("JOIN actor_type cat ON cat.code = r.type");
        Set<String> paths = new HashSet<>();
        for (RecordKind kind : RecordKind.values()) {
            assertThat(paths.add(kind.path())).as("paths are unique").isTrue();
        }
    }

    @Test
    void anUnknownFieldIsAnError() {
        assertThatThrownBy(() -> RecordKind.ACTOR.field("email"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
