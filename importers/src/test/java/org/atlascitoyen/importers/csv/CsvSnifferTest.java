package org.atlascitoyen.importers.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atlascitoyen.importers.load.MalformedFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSnifferTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    @Test
    void utf8WithCommas() throws Exception {
        CsvSniffer.Dialect dialect = CsvSniffer.sniff(fixture("csv/utf8-comma.csv"));

        assertThat(dialect).isEqualTo(new CsvSniffer.Dialect(StandardCharsets.UTF_8, 0, ','));
        assertThat(dialect.describe()).isEqualTo("encoding UTF-8, delimiter ','");
    }

    @Test
    void utf8WithBomSkipsTheBom() throws Exception {
        CsvSniffer.Dialect dialect = CsvSniffer.sniff(fixture("csv/utf8-bom.csv"));

        assertThat(dialect).isEqualTo(new CsvSniffer.Dialect(StandardCharsets.UTF_8, 3, ','));
        assertThat(dialect.describe()).isEqualTo("encoding UTF-8 with BOM, delimiter ','");
    }

    @Test
    void windows1252WithSemicolons() throws Exception {
        CsvSniffer.Dialect dialect = CsvSniffer.sniff(fixture("csv/windows-1252-semicolon.csv"));

        assertThat(dialect).isEqualTo(new CsvSniffer.Dialect(WINDOWS_1252, 0, ';'));
        assertThat(dialect.describe()).isEqualTo("encoding windows-1252, delimiter ';'");
    }

    @Test
    void latin1IsReadAsWindows1252() throws Exception {
        assertThat(CsvSniffer.sniff(fixture("csv/latin1-accents.csv")).charset()).isEqualTo(WINDOWS_1252);
    }

    @Test
    void tabs() throws Exception {
        CsvSniffer.Dialect dialect = CsvSniffer.sniff(fixture("csv/tab-separated.csv"));

        assertThat(dialect.delimiter()).isEqualTo('\t');
        assertThat(dialect.describe()).endsWith("delimiter tab");
    }

    @Test
    void delimitersInsideQuotesAndOnLaterLinesDoNotCount() {
        assertThat(CsvSniffer.delimiter("\"Nom; prénom; titre\",Ville\n")).isEqualTo(',');
        assertThat(CsvSniffer.delimiter("Nom;Ville\na,b,c,d,e\n")).isEqualTo(';');
        assertThat(CsvSniffer.delimiter("Nom\tVille\tCode\n")).isEqualTo('\t');
        assertThat(CsvSniffer.delimiter("Nom\n")).isEqualTo(',');
    }

    @Test
    void anAccentOnlyOnTheLastLineOfABigFileDecidesTheEncoding() throws Exception {
        Path windows = bigFileEndingWith("Dernière ligne : Pézenas", WINDOWS_1252);
        Path utf8 = bigFileEndingWith("Dernière ligne : Pézenas", StandardCharsets.UTF_8);

        assertThat(Files.size(windows)).isGreaterThan(256 * 1024);
        assertThat(CsvSniffer.sniff(windows).charset()).isEqualTo(WINDOWS_1252);
        assertThat(CsvSniffer.sniff(utf8).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aUtf8CharacterAcrossTheScanBufferBoundaryIsStillUtf8() throws Exception {
        Path file = dir.resolve("boundary.csv");
        byte[] bytes = new byte[(1 << 16) + 2];
        java.util.Arrays.fill(bytes, (byte) 'a');
        bytes[0] = 'N';
        bytes[1] = '\n';
        bytes[(1 << 16) - 1] = (byte) 0xc3; // 'é' split over the 64 KiB read buffer
        bytes[1 << 16] = (byte) 0xa9;
        bytes[bytes.length - 1] = '\n';
        Files.write(file, bytes);

        assertThat(CsvSniffer.sniff(file).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aNulByteIsBinaryContentNamingTheFile() {
        Path file = fixture("csv/nul-byte.csv");

        assertThatThrownBy(() -> CsvSniffer.sniff(file))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("binary content (a NUL byte at offset 63)")
                .hasMessageContaining("not a CSV text file");
    }

    @Test
    void manyControlCharactersAreBinaryContent() throws Exception {
        Path file = dir.resolve("controls.csv");
        byte[] bytes = new byte[8192];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 3 == 0 ? 0x01 : 'a');
        }
        Files.write(file, bytes);

        assertThatThrownBy(() -> CsvSniffer.sniff(file))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("binary content").hasMessageContaining("control characters");
    }

    @Test
    void utf16IsRefusedWithWhatToDo() {
        Path file = fixture("csv/utf16-bom.csv");

        assertThatThrownBy(() -> CsvSniffer.sniff(file))
                .isInstanceOf(MalformedFileException.class)
                .hasMessage(file + ": the file is UTF-16; save it as UTF-8 CSV");
    }

    @Test
    void anEmptyOrBlankFileIsRefused() throws Exception {
        Path empty = fixture("csv/empty.csv");
        Path blank = Files.writeString(dir.resolve("blank.csv"), " \r\n\n");
        Path bomOnly = Files.write(dir.resolve("bom-only.csv"), new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});

        assertThatThrownBy(() -> CsvSniffer.sniff(empty)).hasMessage(empty + ": the file is empty");
        assertThatThrownBy(() -> CsvSniffer.sniff(blank)).hasMessage(blank + ": the file is empty");
        assertThatThrownBy(() -> CsvSniffer.sniff(bomOnly)).hasMessage(bomOnly + ": the file is empty");
    }

    private Path bigFileEndingWith(String lastLine, Charset charset) throws IOException {
        Path file = dir.resolve("big-" + charset.name() + ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, charset)) {
            out.write("Nom,Commune\n");
            for (int i = 0; i < 10_000; i++) {
                out.write("Association numero " + i + ",Toulouse\n");
            }
            out.write(lastLine + ",Pezenas\n");
        }
        return file;
    }
}
