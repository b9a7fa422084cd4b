package org.atlascitoyen.importers.directory;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Reading progress of an import: on a terminal, a bar redrawn in place with rows/s, percent and
 * ETA; otherwise (a log, CI) a plain line every few seconds. Percent and ETA come from the bytes
 * read out of the file's size, which every format can tell.
 */
public final class Progress {

    /** Makes the progress of one run, given the file's size and how to read how far it is. */
    @FunctionalInterface
    public interface Factory {
        Progress start(long totalBytes, LongSupplier bytesRead);

        /** No output (library use, tests). */
        static Factory silent() {
            return (total, read) -> Progress.silent();
        }

        /** On a terminal a bar, otherwise plain lines. */
        static Factory to(PrintStream out, boolean terminal) {
            return (total, read) -> new Progress(out, terminal, total, read);
        }
    }

    private static final long TERMINAL_EVERY_NANOS = 200_000_000L;
    private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final long totalBytes;
    private final LongSupplier bytesRead;
    private final long started = System.nanoTime();
    private long lastPrint = started;
    private long rows;
    private boolean printed;

    public Progress(PrintStream out, boolean terminal, long totalBytes, LongSupplier bytesRead) {
        this.out = out;
        this.terminal = terminal;
        this.totalBytes = Math.max(1, totalBytes);
        this.bytesRead = bytesRead;
    }

    /** No output at all (library use, tests). */
    public static Progress silent() {
        return new Progress(null, false, 1, () -> 0);
    }

    /** Counts one row; prints when it is time. */
    public void row() {
        rows++;
        if (out == null || (rows & 1023) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastPrint >= (terminal ? TERMINAL_EVERY_NANOS : PLAIN_EVERY_NANOS)) {
            lastPrint = now;
            print(now, false);
        }
    }

    public long rows() {
        return rows;
    }

    /** The last figures, ending the bar's line. */
    public void done() {
        if (out != null && (printed || terminal)) {
            print(System.nanoTime(), true);
        }
    }

    private void print(long now, boolean last) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double fraction = last ? 1 : Math.min(1, (double) bytesRead.getAsLong() / totalBytes);
        long rate = Math.round(rows / seconds);
        String eta = fraction <= 0 || last ? "" : String.format(Locale.ROOT, ", ETA %s", duration(seconds * (1 - fraction) / fraction));
        String figures = String.format(Locale.ROOT, "%3d%% %,d rows, %,d rows/s%s", Math.round(fraction * 100), rows, rate, eta);
        if (terminal) {
            int width = 30;
            int filled = (int) Math.round(fraction * width);
            out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + figures + "   ");
            if (last) {
                out.println();
            }
        } else {
            out.println("read " + figures);
        }
        out.flush();
        printed = true;
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? s / 60 + " min " + s % 60 + " s" : s + " s";
    }
}
