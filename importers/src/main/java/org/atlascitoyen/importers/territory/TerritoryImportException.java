package org.atlascitoyen.importers.territory;

/** A reference import that cannot go on: the message says which file and where. */
public class TerritoryImportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TerritoryImportException(String message) {
        super(message);
    }

    public TerritoryImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
