package org.atlascitoyen.importers.cli;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.dedup.Merges;

/**
 * {@code ./atlas merges ...}: the possible duplicates to review and the merges in force
 * (importers/README.md, "Deduplication").
 */
final class MergesCommand {

    static final String USAGE = """
            Usage: ./atlas merges [COMMAND] [options]
              (none) [--limit N]         list the possible duplicates waiting for a decision (default 50)
              accept ID [--by NAME]      merge the two records of possible duplicate ID
              decline ID [--by NAME]     keep them apart: the pair is never proposed or merged again
              done [--limit N]           list the merges in force, newest first (default 50)
              undo ID [--by NAME]        undo merge ID: both records as they were, the pair declined
            NAME (who decides) defaults to $USER.
            """;
    private static final int DEFAULT_LIMIT = 50;

    private final PrintStream out;
    private final Map<String, String> env;

    MergesCommand(PrintStream out, Map<String, String> env) {
        this.out = out;
        this.env = env;
    }

    void run(DatabaseConfig db, Deque<String> args) throws SQLException {
        String command = args.isEmpty() || args.peek().startsWith("--") ? "list" : args.pop();
        Merges merges = new Merges(db);
        switch (command) {
            case "list" -> list(merges.pending(limit(args)));
            case "done" -> done(merges.done(limit(args)));
            case "accept" -> {
                long id = id(args);
                merges.accept(id, by(args));
                out.println("Possible duplicate " + id + " accepted: the two records are one (undo: ./atlas merges done, then undo ID).");
            }
            case "decline" -> {
                long id = id(args);
                merges.decline(id, by(args));
                out.println("Possible duplicate " + id + " declined: the two records stay apart.");
            }
            case "undo" -> {
                long id = id(args);
                merges.undo(id, by(args));
                out.println("Merge " + id + " undone: both records are as they were, and the pair will not be merged again.");
            }
            case "help", "--help", "-h" -> out.print(USAGE);
            default -> throw new IllegalArgumentException("unknown merges command '" + command + "'\n" + USAGE);
        }
    }

    private void list(List<Merges.Pending> pairs) {
        if (pairs.isEmpty()) {
            out.println("No possible duplicate waits for a decision.");
            return;
        }
        out.println("Possible duplicates waiting for a decision (./atlas merges accept ID | decline ID):");
        for (Merges.Pending p : pairs) {
            out.printf(Locale.ROOT, "  %d  %s, %s%s%n", p.id(), p.kind(), p.rule(), score(p.score()));
            out.println("      existing " + side(p.existing()));
            out.println("      proposed " + side(p.proposed()));
        }
    }

    private void done(List<Merges.Done> merges) {
        if (merges.isEmpty()) {
            out.println("No merge in force.");
            return;
        }
        out.println("Merges in force, newest first (./atlas merges undo ID):");
        for (Merges.Done m : merges) {
            out.printf(Locale.ROOT, "  %d  %s #%d '%s' <- '%s' (%s %s %s%s) by %s, %s%n", m.id(), m.kind(), m.recordId(),
                    m.existingName(), m.importedName(), m.source(), m.externalId(), m.rule(), score(m.score()), m.mergedBy(),
                    m.mergedAt().toLocalDate());
        }
    }

    private static String side(Merges.Side s) {
        return (s.recordId() == null ? "(no longer published)" : "#" + s.recordId() + " '" + s.name() + "'")
                + (s.commune() == null ? "" : " in " + s.commune()) + ", " + s.source() + " " + s.externalId();
    }

    private static String score(Float score) {
        return score == null || score >= 1 ? "" : String.format(Locale.ROOT, " %.2f", score);
    }

    private static int limit(Deque<String> args) {
        int limit = DEFAULT_LIMIT;
        if (!args.isEmpty() && args.peek().equals("--limit") && args.size() >= 2) {
            args.pop();
            limit = (int) Math.min(positive(args.pop(), "--limit"), 10_000);
        }
        noMore(args);
        return limit;
    }

    private static long id(Deque<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("missing ID\n" + USAGE);
        }
        return positive(args.pop(), "ID");
    }

    private String by(Deque<String> args) {
        String by = env.getOrDefault("USER", "cli");
        if (!args.isEmpty() && args.peek().equals("--by") && args.size() >= 2) {
            args.pop();
            by = args.pop();
        }
        noMore(args);
        return by;
    }

    private static long positive(String value, String what) {
        try {
            long n = Long.parseLong(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + " must be a positive number, not '" + value + "'");
    }

    private static void noMore(Deque<String> args) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("unexpected argument '" + args.peek() + "'\n" + USAGE);
        }
    }
}
