package org.atlascitoyen.mapservice.territory;

import java.util.List;
import org.atlascitoyen.mapservice.system.BadParameterException;

/**
 * A former territory code that cannot be read as one current territory: its area is now in
 * several, or in none (withdrawn). Answered 400 with the replacements, as {@code kind:code}, in a
 * {@code replacements} member (empty when withdrawn).
 */
public class TerritoryReplacedException extends BadParameterException {

    private static final long serialVersionUID = 1L;

    private final List<String> replacements;

    public TerritoryReplacedException(String parameter, String message, List<String> replacements) {
        super(parameter, message);
        this.replacements = List.copyOf(replacements);
    }

    public List<String> replacements() {
        return replacements;
    }
}
