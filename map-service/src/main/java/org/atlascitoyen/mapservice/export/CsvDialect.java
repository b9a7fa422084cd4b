package org.atlascitoyen.mapservice.export;

import org.atlascitoyen.mapservice.system.BadParameterException;

/**
 * The field separator of a CSV export ({@code sep}) and the decimal mark that goes with it. With
 * {@code sep=semicolon}, the convention of spreadsheets in French (and most European) locales,
 * decimals take a comma as well: a French Excel reads {@code 1.444} as text or a date, and
 * {@code 1,444} as the number. The default, {@code comma}, is RFC 4180 with decimal points, for
 * programs and English-locale spreadsheets.
 */
enum CsvDialect {
    COMMA(',', '.'),
    SEMICOLON(';', ',');

    private final char delimiter;
    private final char decimalMark;

    CsvDialect(char delimiter, char decimalMark) {
        this.delimiter = delimiter;
        this.decimalMark = decimalMark;
    }

    char delimiter() {
        return delimiter;
    }

    char decimalMark() {
        return decimalMark;
    }

    static CsvDialect parse(String sep) {
        if (sep == null || sep.isBlank() || sep.strip().equalsIgnoreCase("comma")) {
            return COMMA;
        }
        if (sep.strip().equalsIgnoreCase("semicolon")) {
            return SEMICOLON;
        }
        throw new BadParameterException("sep", "sep is comma (the default) or semicolon (with decimal commas, "
                + "for spreadsheets in French), got '" + sep + "'");
    }
}
