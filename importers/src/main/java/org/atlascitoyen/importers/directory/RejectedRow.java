package org.atlascitoyen.importers.directory;

/**
 * A row that cannot be kept, and why: thrown by a cleaning step, it ends the row's cleaning and
 * stages it with its reason, for the report and the reject file. No stack trace: it is an answer,
 * not an error.
 */
final class RejectedRow extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final String detail;

    RejectedRow(String reason, String detail) {
        super(reason, null, false, false);
        this.reason = reason;
        this.detail = detail;
    }

    /** The reason the report counts rows by ("bad coordinates"). */
    String reason() {
        return reason;
    }

    /** What exactly is wrong with this row, for the reject file. */
    String detail() {
        return detail;
    }
}
