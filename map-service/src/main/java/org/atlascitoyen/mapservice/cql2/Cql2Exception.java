package org.atlascitoyen.mapservice.cql2;

import org.atlascitoyen.mapservice.system.BadParameterException;

/** A filter the service cannot run: a 400 problem naming the {@code filter} parameter and what is wrong. */
public class Cql2Exception extends BadParameterException {

    private static final long serialVersionUID = 1L;

    public Cql2Exception(String message) {
        super("filter", message);
    }
}
