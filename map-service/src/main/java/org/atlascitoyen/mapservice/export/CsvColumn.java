package org.atlascitoyen.mapservice.export;

import java.util.function.Function;

/**
 * One column of a CSV export: its header, named as the JSON property it repeats, and its value
 * in a row (text, number, date or list; {@link CsvWriter} writes each kind).
 */
record CsvColumn<R>(String name, Function<R, Object> value) {
}
