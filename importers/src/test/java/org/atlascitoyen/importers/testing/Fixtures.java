package org.atlascitoyen.importers.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Test files by their path under {@code src/test/resources} ({@code csv/utf8-bom.csv}), one edge
 * case each. Kept apart from the database helpers, so that the unit tests of the source rows and
 * of the readers do not depend on the directory import's tests.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** A test resource by its path under src/test/resources. */
    public static Path fixture(String name) {
        URL url = Fixtures.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
