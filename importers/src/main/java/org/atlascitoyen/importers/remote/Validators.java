package org.atlascitoyen.importers.remote;

/**
 * What a server said about the version of a file it sent: its {@code ETag} and
 * {@code Last-Modified} headers, sent back as {@code If-None-Match} and {@code If-Modified-Since}
 * to be answered 304 when the file has not changed. Either may be null.
 */
public record Validators(String etag, String lastModified) {

    public static final Validators NONE = new Validators(null, null);

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
