package org.atlascitoyen.mapservice.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** If-None-Match against the current ETag, as RFC 9110 compares them. */
class DataEtagsTest {

    @Test
    void ifNoneMatchComparesWeaklyAndTakesListsAndTheWildcard() {
        String etag = "\"abc\"";
        assertThat(DataEtags.matches("\"abc\"", etag)).isTrue();
        assertThat(DataEtags.matches("W/\"abc\"", etag)).isTrue();
        assertThat(DataEtags.matches("\"x\", \"abc\"", etag)).isTrue();
        assertThat(DataEtags.matches("*", etag)).isTrue();
        assertThat(DataEtags.matches("\"abd\"", etag)).isFalse();
        assertThat(DataEtags.matches(null, etag)).isFalse();
        assertThat(DataEtags.matches("\"abc\"", null)).isFalse();
    }
}
