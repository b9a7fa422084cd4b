package org.atlascitoyen.importers.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * SQL kept in {@code .sql} resources, loaded by name ({@code sql/territory-import/publish.sql}).
 * A script holds several statements, each ending with a semicolon at the end of a line.
 */
public final class SqlResource {

    private SqlResource() {
    }

    public static String load(String name) {
        try (InputStream in = SqlResource.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("SQL resource not found on the classpath: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read SQL resource " + name, e);
        }
    }

    /** The statements of a script, split at semicolons that end a line. */
    public static List<String> statements(String name) {
        return Arrays.stream(load(name).split(";[ \\t]*\\R"))
                .map(String::strip)
                .filter(s -> !s.isEmpty() && !s.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--")))
                .toList();
    }

    /** The statement of a one-statement script, without its final semicolon (its comments kept). */
    public static String statement(String name) {
        List<String> statements = statements(name);
        if (statements.size() != 1) {
            throw new IllegalStateException(name + " holds " + statements.size() + " statements, not one");
        }
        return statements.get(0);
    }

    /** The first line of a statement that is neither blank nor a comment: how messages name it. */
    public static String firstLine(String sql) {
        return sql.lines().filter(l -> !l.isBlank() && !l.strip().startsWith("--")).findFirst().orElse(sql);
    }
}
