package org.atlascitoyen.mapservice.account;

import java.util.Locale;
import java.util.regex.Pattern;
import org.atlascitoyen.mapservice.system.BadParameterException;

/** An address as accounts hold it: trimmed, lower case, at most 254 characters, one @ and a dotted domain. */
public final class EmailAddress {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s<>()\\[\\],;:\"\\\\]{1,64}@[^@\\s<>()\\[\\],;:\"\\\\.]+(\\.[^@\\s<>()\\[\\],;:\"\\\\.]+)+");

    private EmailAddress() {
    }

    /** The normalised address; a 400 naming {@code parameter} when it is not one. */
    public static String parse(String value, String parameter) {
        String email = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (email.isEmpty() || email.length() > 254 || !SHAPE.matcher(email).matches()
                || email.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new BadParameterException(parameter, "not an email address");
        }
        return email;
    }
}
