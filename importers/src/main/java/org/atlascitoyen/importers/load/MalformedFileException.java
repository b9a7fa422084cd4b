package org.atlascitoyen.importers.load;

/** An input file that cannot be read as its format says: the message names the file and the place. */
public class MalformedFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedFileException(String message) {
        super(message);
    }

    public MalformedFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
