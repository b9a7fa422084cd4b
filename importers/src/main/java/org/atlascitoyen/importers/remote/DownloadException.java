package org.atlascitoyen.importers.remote;

/** A source URL that could not be downloaded; the message is one sentence a person can act on. */
public final class DownloadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DownloadException(String message, Throwable cause) {
        super(message, cause);
    }

    public DownloadException(String message) {
        super(message);
    }
}
