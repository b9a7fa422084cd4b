package org.atlascitoyen.importers.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.atlascitoyen.importers.load.CountingInputStream;
import org.atlascitoyen.importers.load.MalformedFileException;
import org.atlascitoyen.importers.source.Field;
import org.atlascitoyen.importers.source.FileRowReader;
import org.atlascitoyen.importers.source.Mapping;
import org.atlascitoyen.importers.source.Names;
import org.atlascitoyen.importers.source.SourceRow;

/**
 * Reads a CSV file whose columns a {@link Mapping} names. The encoding and delimiter are sniffed
 * ({@link CsvSniffer}); the first record is the header. Every column the mapping names must be in
 * the header (else the file is refused, naming the column); columns it does not name are listed
 * in the notes. Each row is reported with the line it starts on, quoted multi-line fields
 * included.
 */
public class CsvRowReader extends FileRowReader {

    /** Extra work on each row with access to every cell by column name (the RNA composes addresses). */
    @FunctionalInterface
    public interface RowHook {
        void apply(Function<String, String> cell, SourceRow row);
    }

    private final RowHook hook;
    private final Set<String> hookColumns;

    public CsvRowReader(Path file, Mapping mapping) {
        this(file, mapping, Set.of(), (cell, row) -> { });
    }

    /** @param hookColumns the columns the hook reads, when present (not listed as ignored) */
    public CsvRowReader(Path file, Mapping mapping, Set<String> hookColumns, RowHook hook) {
        super(file, mapping);
        this.hookColumns = hookColumns;
        this.hook = hook;
    }

    @Override
    public void read(Handler handler) throws IOException, SQLException {
        CsvSniffer.Dialect dialect = CsvSniffer.sniff(file);
        note(dialect.describe());
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(dialect.delimiter())
                .setIgnoreEmptyLines(false)
                .get();
        CountingInputStream counting = open();
        counting.skipNBytes(dialect.bomLength());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(counting, dialect.charset()), 1 << 16);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            long start = 1;
            CSVRecord header = next(records, start);
            if (header == null) {
                throw new MalformedFileException(file + ": the file is empty");
            }
            Map<String, Integer> columns = columns(header);
            Map<Field, Integer> fields = resolve(columns);
            Map<String, Integer> hookIndex = new HashMap<>();
            hookColumns.forEach(name -> {
                Integer index = find(columns, name);
                if (index != null) {
                    hookIndex.put(name, index);
                }
            });
            boolean anyRow = false;
            int shortRows = 0;
            int longRows = 0;
            long firstLongRow = 0;
            start = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            while ((record = next(records, start)) != null) {
                long line = start;
                start = parser.getCurrentLineNumber() + 1;
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // a blank line: not a row
                }
                anyRow = true;
                if (record.size() < header.size()) {
                    shortRows++;
                } else if (record.size() > header.size() && longRows++ == 0) {
                    firstLongRow = line;
                }
                SourceRow row = new SourceRow(line);
                CSVRecord current = record;
                fields.forEach((field, index) -> row.set(field, index < current.size() ? current.get(index) : null));
                hook.apply(name -> {
                    Integer index = hookIndex.get(name);
                    return index == null || index >= current.size() ? null : current.get(index);
                }, row);
                handler.accept(row);
            }
            if (!anyRow) {
                note("the file has a header and no data row");
            }
            if (shortRows > 0) {
                note(shortRows + " row(s) have fewer cells than the header: the missing cells are empty");
            }
            if (longRows > 0) {
                note(longRows + " row(s) have more cells than the header, the first on line " + firstLongRow
                        + ": the extra cells are ignored (a delimiter inside an unquoted value?)");
            }
        } finally {
            counting.close();
        }
    }

    private CSVRecord next(Iterator<CSVRecord> records, long line) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            String cause = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new MalformedFileException(file + ": broken CSV in the record starting at line " + line
                    + " (an unclosed quote?): " + cause, e);
        }
    }

    /** Header name -> index; the first of duplicated names wins. */
    private Map<String, Integer> columns(CSVRecord header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip(), i);
        }
        return columns;
    }

    /** The column of each mapped field; a mapped column missing from the header refuses the file. */
    private Map<Field, Integer> resolve(Map<String, Integer> columns) {
        Map<Field, Integer> fields = new EnumMap<>(Field.class);
        Set<Integer> used = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<Field, Mapping.Rule> entry : mapping.rules().entrySet()) {
            String column = entry.getValue().column();
            if (column == null) {
                continue;
            }
            Integer index = find(columns, column);
            if (index == null) {
                missing.add("'" + column + "' (" + entry.getKey().key() + ")");
            } else {
                fields.put(entry.getKey(), index);
                used.add(index);
            }
        }
        if (!missing.isEmpty()) {
            throw new MalformedFileException(file + ": column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " named by the " + mapping.origin() + " not in the header; the header has: "
                    + String.join(" | ", columns.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList()));
        }
        if (!fields.containsKey(Field.NAME) && mapping.rule(Field.NAME).map(Mapping.Rule::constant).isEmpty()) {
            throw new MalformedFileException(file + ": the " + mapping.origin() + " names no column for the name (field 'name')");
        }
        hookColumns.forEach(name -> {
            Integer index = find(columns, name);
            if (index != null) {
                used.add(index);
            }
        });
        String[] ignored = columns.entrySet().stream().filter(e -> !used.contains(e.getValue()) && !e.getKey().isEmpty())
                .sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toArray(String[]::new);
        if (ignored.length > 0) {
            note("columns not imported: " + String.join(", ", Arrays.asList(ignored)));
        }
        return fields;
    }

    /** A column by its exact name, else ignoring case, accents and punctuation. */
    static Integer find(Map<String, Integer> columns, String name) {
        Integer exact = columns.get(name);
        if (exact != null) {
            return exact;
        }
        String key = Names.normalize(name);
        return columns.entrySet().stream().filter(e -> Names.normalize(e.getKey()).equals(key))
                .map(Map.Entry::getValue).min(Integer::compare).orElse(null);
    }
}
