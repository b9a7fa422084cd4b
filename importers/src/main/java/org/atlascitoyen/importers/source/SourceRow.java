package org.atlascitoyen.importers.source;

/**
 * One record as read from a source file, before cleaning: the raw text of each {@link Field}
 * (null when absent) and where it starts in the file.
 *
 * <p>A reader may mark the row rejected ({@link #reject}) when the format itself says it is not a
 * usable record (an RNA association that was dissolved, for instance); the row is then reported,
 * not staged.
 */
public final class SourceRow {

    private final long line;
    private final String[] values = new String[Field.values().length];
    private String rejectReason;
    private String rejectDetail;

    public SourceRow(long line) {
        this.line = line;
    }

    public long line() {
        return line;
    }

    public String get(Field field) {
        return values[field.ordinal()];
    }

    public SourceRow set(Field field, String value) {
        values[field.ordinal()] = value;
        return this;
    }

    public void reject(String reason, String detail) {
        this.rejectReason = reason;
        this.rejectDetail = detail;
    }

    public String rejectReason() {
        return rejectReason;
    }

    public String rejectDetail() {
        return rejectDetail;
    }
}
