package org.atlascitoyen.mapservice.system;

/**
 * The text of a search ({@code q} of the record lists and of the territory search): stripped,
 * and no longer than {@link #MAX_LENGTH} characters, so that a pasted page cannot make the
 * database parse a query of megabytes. An input guard, not a setting.
 */
public final class SearchText {

    /** The longest search accepted, in characters. */
    public static final int MAX_LENGTH = 200;

    private SearchText() {
    }

    /** The text stripped, or null when blank; a 400 naming the parameter when too long. */
    public static String of(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_LENGTH) {
            throw new BadParameterException(parameter, parameter + " is longer than " + MAX_LENGTH + " characters");
        }
        return value.strip();
    }
}
