package org.atlascitoyen.mapservice.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"q=jardin", "q=jardin+partag%C3%A9", "q=%F0%9F%98%80", "q=%E2%80%AEabc",
            "q=%27+OR+1%3D1+--", "q=a%09b%0Ac", "bbox=1.3,43.5,1.6,43.7&theme=a&theme=b", "flag", "q=", "&&"})
    void acceptsText(String query) {
        assertThat(ParameterText.checkQuery(query)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "q=%00|q|NUL",
            "limit=10&q=a%00b|q|NUL",
            "q=%01|q|control character U+0001",
            "q=%7F|q|control character U+007F",
            "q=%FF|q|not valid UTF-8",
            "q=%C3%28|q|not valid UTF-8",
            "q=%C0%AE|q|not valid UTF-8",
            "q=%ED%A0%80|q|not valid UTF-8",
            "q=%E2%82|q|not valid UTF-8",
            "q=%|q|malformed %-escape",
            "q=%G1|q|malformed %-escape",
            "q=abc%4|q|malformed %-escape",
            "%00=1|%00|The name of parameter '%00' contains a NUL",
            "a%FF=1|a%FF|The name of parameter 'a%FF' is not valid UTF-8"})
    void namesTheParameterAndTheFault(String query, String parameter, String detail) {
        Optional<ParameterText.Fault> fault = ParameterText.checkQuery(query);

        assertThat(fault).isPresent();
        assertThat(fault.get().parameter()).isEqualTo(parameter);
        assertThat(fault.get().detail()).contains(detail);
    }

    @Test
    void refusesValuesOverTheMaximumLength() {
        assertThat(ParameterText.checkQuery("q=" + "a".repeat(ParameterText.MAX_LENGTH))).isEmpty();
        assertThat(ParameterText.checkQuery("q=" + "a".repeat(ParameterText.MAX_LENGTH + 1)))
                .hasValueSatisfying(f -> assertThat(f.detail()).contains("2001 characters long; at most 2000"));
        // Characters, not escapes: 2,000 é are 12,000 characters of query string.
        assertThat(ParameterText.checkQuery("q=" + "%C3%A9".repeat(ParameterText.MAX_LENGTH))).isEmpty();
    }

    @Test
    void refusesLoneSurrogatesAndReplacementCharactersInDecodedValues() {
        assertThat(ParameterText.fault("a\uD800b")).hasValueSatisfying(f -> assertThat(f).contains("lone surrogate"));
        assertThat(ParameterText.fault("\uDC00")).hasValueSatisfying(f -> assertThat(f).contains("lone surrogate"));
        assertThat(ParameterText.fault("\uD83D\uDE00")).isEmpty();
        assertThat(ParameterText.fault("a\uFFFDb")).hasValueSatisfying(f -> assertThat(f).contains("not valid UTF-8"));
    }
}
