package org.atlascitoyen.mapservice.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.territory.TerritoryKind;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void roundTripsTheSortKeyExactly() {
        double distance = 1234.5678901234567;
        Cursor cursor = new Cursor(Filter.Sort.DISTANCE, distance, 42);
        Cursor back = Cursor.decode(cursor.encode(), Filter.Sort.DISTANCE);
        assertThat(back.key()).isEqualTo(distance);
        assertThat(back.id()).isEqualTo(42);
        assertThat(Cursor.decode(new Cursor(Filter.Sort.ID, 0, 7).encode(), Filter.Sort.ID).id()).isEqualTo(7);
    }

    @Test
    void absentIsNullAndGarbageIsABadCursor() {
        assertThat(Cursor.decode(null, Filter.Sort.ID)).isNull();
        assertThat(Cursor.decode(" ", Filter.Sort.ID)).isNull();
        for (String bad : List.of("abc", "%%", "STo6", "WDoxOjI")) {
            assertThatThrownBy(() -> Cursor.decode(bad, Filter.Sort.ID)).as(bad)
                    .isInstanceOfSatisfying(BadParameterException.class, e -> assertThat(e.parameter()).isEqualTo("cursor"));
        }
    }

    @Test
    void aCursorOfAnotherOrderIsRefused() {
        String rank = new Cursor(Filter.Sort.RANK, 0.5, 3).encode();
        assertThatThrownBy(() -> Cursor.decode(rank, Filter.Sort.DISTANCE))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("another order");
    }

    @Test
    void theSlugSaysWhatWasFiltered() {
        Filter filter = new Filter(RecordKind.ACTOR, null, null,
                new Filter.Territory(TerritoryKind.EPCI, "243100518"), List.of("climat", "energie"), null,
                "Jardins partagés!", null);
        assertThat(filter.slug()).isEqualTo("epci-243100518_theme-climat-energie_q-jardins-partages");
        assertThat(Filter.all(RecordKind.INITIATIVE).slug()).isEmpty();
    }

    @Test
    void theOrderFollowsTheCriteria() {
        Filter near = new Filter(RecordKind.ACTOR, null, new Filter.Near(1, 43, 100), null, null, null, "x", null);
        assertThat(near.sort()).isEqualTo(Filter.Sort.DISTANCE);
        assertThat(new Filter(RecordKind.ACTOR, null, null, null, null, null, "x", null).sort()).isEqualTo(Filter.Sort.RANK);
        assertThat(Filter.all(RecordKind.ACTOR).sort()).isEqualTo(Filter.Sort.ID);
        // An agenda reads by date; near and q still order events by distance and relevance.
        assertThat(Filter.all(RecordKind.EVENT).sort()).isEqualTo(Filter.Sort.DATE);
        assertThat(new Filter(RecordKind.EVENT, null, null, null, null, null, "x", null).sort()).isEqualTo(Filter.Sort.RANK);
    }

    @Test
    void aDateCursorKeepsItsInstantAndIsNotADistanceCursor() {
        double start = 1_930_000_000.123456; // epoch seconds with microseconds
        Cursor back = Cursor.decode(new Cursor(Filter.Sort.DATE, start, 9).encode(), Filter.Sort.DATE);
        assertThat(back.key()).isEqualTo(start);
        assertThat(back.id()).isEqualTo(9);
        String date = new Cursor(Filter.Sort.DATE, start, 9).encode();
        assertThatThrownBy(() -> Cursor.decode(date, Filter.Sort.DISTANCE))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("another order");
        String infinite = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("T:Infinity:9".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Cursor.decode(infinite, Filter.Sort.DATE)).isInstanceOf(BadParameterException.class);
    }
}
