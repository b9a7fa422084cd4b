package org.atlascitoyen.mapservice.record;

/** A code of a vocabulary (theme, type, status) with its French label. */
public record Labelled(String code, String label) {
}
