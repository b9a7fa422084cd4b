package org.atlascitoyen.mapservice.cql2;

/** What one filter may spend while it is parsed: nesting depth, terms and coordinates. */
final class Budget {

    private final Cql2Properties limits;
    private int depth;
    private int terms;
    private int coordinates;

    Budget(Cql2Properties limits) {
        this.limits = limits;
    }

    void enter() {
        if (++depth > limits.maxDepth()) {
            throw new Cql2Exception("Filter nested deeper than " + limits.maxDepth() + " levels");
        }
    }

    void leave() {
        depth--;
    }

    void term() {
        if (++terms > limits.maxTerms()) {
            throw new Cql2Exception("Filter has more than " + limits.maxTerms() + " terms (predicates and IN values)");
        }
    }

    void coordinate() {
        if (++coordinates > limits.maxCoordinates()) {
            throw new Cql2Exception("Filter geometries have more than " + limits.maxCoordinates() + " coordinates");
        }
    }
}
