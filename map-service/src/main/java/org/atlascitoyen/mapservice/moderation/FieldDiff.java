package org.atlascitoyen.mapservice.moderation;

/**
 * One field of a proposal beside the published record: {@code published} is null for a new
 * record, {@code proposed} null when the proposal clears the field.
 */
public record FieldDiff(String field, Object published, Object proposed, boolean changed) {
}
