package org.atlascitoyen.mapservice.rights;

import org.atlascitoyen.mapservice.contribution.Place;

/**
 * A record a rights request is about, as the write side reads it.
 *
 * @param privateEmail its own private address (actor.email, person_private.email), to send the
 *                     verification link there; never returned by any endpoint
 * @param onlyPerson   whether the record is only a person (erasure deletes it)
 */
record RecordConcerned(String kind, long id, String name, Place place, String privateEmail, boolean onlyPerson) {

    @Override
    public String toString() {
        return "RecordConcerned[kind=" + kind + ", id=" + id + ", onlyPerson=" + onlyPerson + "]";
    }
}
