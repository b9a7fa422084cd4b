package org.atlascitoyen.mapservice.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.junit.jupiter.api.Test;

/** How a CSV export writes each kind of value, in both dialects. */
class CsvWriterTest {

    /** One row of every kind of value a column holds. */
    private record Row(String text, Double number, Long whole, List<String> list, LocalDate day, OffsetDateTime at) {
    }

    private static final List<CsvColumn<Row>> COLUMNS = List.of(new CsvColumn<>("text", Row::text),
            new CsvColumn<>("number", Row::number), new CsvColumn<>("whole", Row::whole),
            new CsvColumn<>("list", Row::list), new CsvColumn<>("day", Row::day), new CsvColumn<>("at", Row::at));

    @Test
    void writesBomHeaderAndCrlfRecords() throws IOException {
        String csv = write(CsvDialect.COMMA, new Row("a", 1.5, 2L, List.of("x"), null, null));
        assertThat(csv).isEqualTo("\uFEFFtext,number,whole,list,day,at\r\na,1.5,2,x,,\r\n");
    }

    @Test
    void quotesDelimitersQuotesAndLineBreaksAsRfc4180() throws IOException {
        String text = "Ateliers, \"repair café\"\net jardin; le samedi";
        for (CsvDialect dialect : CsvDialect.values()) {
            List<CSVRecord> records = parse(write(dialect, new Row(text, null, null, List.of(), null, null)), dialect);
            assertThat(records.get(1).get(0)).isEqualTo(text);
            assertThat(records.get(1).get(3)).isEmpty();
        }
    }

    @Test
    void semicolonDialectWritesDecimalCommasAndPlainNotation() throws IOException {
        Row row = new Row("a", -0.0005, 12L, null, null, null);
        assertThat(parse(write(CsvDialect.SEMICOLON, row), CsvDialect.SEMICOLON).get(1).get(1)).isEqualTo("-0,0005");
        assertThat(parse(write(CsvDialect.COMMA, row), CsvDialect.COMMA).get(1).get(1)).isEqualTo("-0.0005");
        Row lon = new Row("a", 1.444, null, null, null, null);
        assertThat(parse(write(CsvDialect.SEMICOLON, lon), CsvDialect.SEMICOLON).get(1).get(1)).isEqualTo("1,444");
    }

    @Test
    void joinsListsWithBarsAndWritesDatesInIso8601() throws IOException {
        Row row = new Row("a", null, null, List.of("climat", "alimentation"), LocalDate.of(2026, 3, 1),
                OffsetDateTime.of(2026, 3, 1, 8, 30, 0, 250_000_000, ZoneOffset.UTC));
        CSVRecord record = parse(write(CsvDialect.COMMA, row), CsvDialect.COMMA).get(1);
        assertThat(record.get(3)).isEqualTo("climat|alimentation");
        assertThat(record.get(4)).isEqualTo("2026-03-01");
        assertThat(record.get(5)).isEqualTo("2026-03-01T08:30:00.25Z");
    }

    @Test
    void textThatASpreadsheetWouldRunIsDefused() throws IOException {
        for (String formula : List.of("=HYPERLINK(\"http://x\")", "+33 5 61", "-2", "@SUM(A1)", "\tx")) {
            CSVRecord record = parse(write(CsvDialect.COMMA, new Row(formula, null, null, List.of(formula), null, null)),
                    CsvDialect.COMMA).get(1);
            assertThat(record.get(0)).isEqualTo("'" + formula);
            assertThat(record.get(3)).isEqualTo("'" + formula);
        }
        // Numbers are not text: a negative longitude stays a number.
        assertThat(parse(write(CsvDialect.COMMA, new Row("Tarbes", -0.07, null, null, null, null)), CsvDialect.COMMA)
                .get(1).get(1)).isEqualTo("-0.07");
    }

    @Test
    void separatorOptionIsCommaOrSemicolon() {
        assertThat(CsvDialect.parse(null)).isEqualTo(CsvDialect.COMMA);
        assertThat(CsvDialect.parse("comma")).isEqualTo(CsvDialect.COMMA);
        assertThat(CsvDialect.parse("Semicolon")).isEqualTo(CsvDialect.SEMICOLON);
        assertThatThrownBy(() -> CsvDialect.parse(";")).isInstanceOf(BadParameterException.class)
                .extracting(e -> ((BadParameterException) e).parameter()).isEqualTo("sep");
    }

    private static String write(CsvDialect dialect, Row row) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvWriter<Row> writer = new CsvWriter<>(out, dialect, COLUMNS);
        writer.write(row);
        writer.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> parse(String csv, CsvDialect dialect) throws IOException {
        assertThat(csv).startsWith("\uFEFF");
        try (CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(dialect.delimiter()).get()
                .parse(new StringReader(csv.substring(1)))) {
            return parser.getRecords();
        }
    }
}
