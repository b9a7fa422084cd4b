package org.atlascitoyen.mapservice.system;

/** A query or path parameter the API cannot accept: answered 400 naming the parameter. */
public class BadParameterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
