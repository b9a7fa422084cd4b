package org.atlascitoyen.mapservice.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * A CSV file for spreadsheets and programs: UTF-8 with a byte order mark (without it Excel reads
 * UTF-8 as Windows-1252), a header row, RFC 4180 quoting and CRLF line ends. Lists are joined
 * with {@code |}; numbers take the dialect's decimal mark; an empty cell is a missing value.
 *
 * <p>Text that a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a
 * carriage return) is prefixed with an apostrophe, as OWASP advises for CSV files: the directory
 * holds text imported from third parties, and an export is made to be opened in a spreadsheet.
 */
final class CsvWriter<R> implements ExportWriter<R> {

    private static final char BOM = '\uFEFF';
    private static final String LIST_SEPARATOR = "|";
    private static final int BUFFER_CHARS = 1 << 16;

    private final List<CsvColumn<R>> columns;
    private final CsvDialect dialect;
    private final CSVFormat format;
    private final Writer out;
    private final String[] cells;

    CsvWriter(OutputStream body, CsvDialect dialect, List<CsvColumn<R>> columns) throws IOException {
        this.columns = columns;
        this.dialect = dialect;
        this.cells = new String[columns.size()];
        // Buffered: the printer writes a cell in several small pieces, each costly for the encoder.
        this.out = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), BUFFER_CHARS);
        this.format = CSVFormat.RFC4180.builder().setDelimiter(dialect.delimiter()).setRecordSeparator("\r\n").get();
        this.out.write(BOM);
        format.printRecord(this.out, columns.stream().map(CsvColumn::name).toArray());
    }

    @Override
    public void write(R row) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cell(columns.get(i).value().apply(row));
        }
        format.printRecord(out, (Object[]) cells);
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    private String cell(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d) {
            // Plain notation: Double.toString writes 0.0005 as 5.0E-4.
            String text = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            return dialect.decimalMark() == '.' ? text : text.replace('.', dialect.decimalMark());
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        if (value instanceof List<?> list) {
            return text(String.join(LIST_SEPARATOR, list.stream().map(String::valueOf).toList()));
        }
        if (value instanceof String s) {
            return text(s);
        }
        if (value instanceof OffsetDateTime t) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t); // as the JSON API writes it
        }
        return value.toString(); // dates, in ISO 8601
    }

    /** The text itself, or with an apostrophe before it when a spreadsheet would take it for a formula. */
    static String text(String s) {
        if (s.isEmpty()) {
            return s;
        }
        char first = s.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + s : s;
    }
}
