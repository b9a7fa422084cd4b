package org.atlascitoyen.mapservice.system;

/** A well-formed request for something that does not exist: answered 404. */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
