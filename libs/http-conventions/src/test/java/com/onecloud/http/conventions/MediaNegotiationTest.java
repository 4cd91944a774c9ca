package com.onecloud.http.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import com.onecloud.http.problem.ProblemFormat;

class MediaNegotiationTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "*/*", "application/json", "application/*", "application/json, application/xml",
            "application/xml;q=0.5, application/json", "text/html, */*;q=0.1", "application/problem+json" })
    void jsonWhenJsonIsPreferredOrAnythingGoes(String accept) {
        assertThat(MediaNegotiation.negotiate(accept)).contains(ProblemFormat.JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/xml", "application/xml, application/json", "*/*, application/xml",
            "application/json;q=0.4, application/xml;q=0.9", "APPLICATION/XML; charset=utf-8",
            "application/problem+xml" })
    void xmlWhenXmlIsPreferred(String accept) {
        assertThat(MediaNegotiation.negotiate(accept)).contains(ProblemFormat.XML);
    }

    @ParameterizedTest
    @ValueSource(strings = { "text/html", "text/plain, image/png", "application/json;q=0", "application/yaml",
            "application/json;q=abc" })
    void nothingWhenNoneOfOursIsAcceptable(String accept) {
        assertThat(MediaNegotiation.negotiate(accept)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "text/event-stream|true", "application/json, text/event-stream|true",
            "TEXT/EVENT-STREAM; charset=utf-8|true", "text/event-stream;q=0|false", "application/json|false",
            "text/plain|false" })
    void eventStreamWhenAskedFor(String accept, boolean asked) {
        assertThat(MediaNegotiation.asksForEventStream(accept)).isEqualTo(asked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "application/json|true", "application/xml; charset=UTF-8|true",
            "Application/JSON;charset=utf-8|true", "text/plain|false", "application/x-www-form-urlencoded|false",
            "text/xml|false", "application/jsonx|false" })
    void contentTypes(String contentType, boolean supported) {
        assertThat(MediaNegotiation.isSupportedContentType(contentType)).isEqualTo(supported);
    }
}
