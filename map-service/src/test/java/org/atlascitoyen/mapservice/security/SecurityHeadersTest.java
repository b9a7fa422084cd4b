package org.atlascitoyen.mapservice.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void theTileHostOfTheBasemapTemplateGoesInImgSrc() {
        assertThat(SecurityHeaders.tileOrigin("https://tile.openstreetmap.org/{z}/{x}/{y}.png")).isEqualTo("https://tile.openstreetmap.org");
        assertThat(SecurityHeaders.tileOrigin("https://{s}.tile.example.org/{z}/{x}/{y}.png")).isEqualTo("https://*.tile.example.org");
        assertThat(SecurityHeaders.tileOrigin("https://tiles-{switch:a,b}.example.org/{z}/{x}/{y}.png")).isEqualTo("https:");
        assertThat(SecurityHeaders.tileOrigin("http://localhost:8081/tiles/{z}/{x}/{y}.png")).isEqualTo("http://localhost:8081");
        assertThat(SecurityHeaders.tileOrigin("")).isEmpty();
        assertThat(SecurityHeaders.tileOrigin("/tiles/{z}/{x}/{y}.png")).isEmpty();
    }
}
