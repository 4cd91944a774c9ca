package com.onecloud.http.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MethodOverrideTest {

    @Test
    void noHeaderKeepsTheMethod() {
        assertThat(MethodOverride.decide("POST", List.of())).isEqualTo(new MethodOverride.Keep());
        assertThat(MethodOverride.decide("GET", List.of())).isEqualTo(new MethodOverride.Keep());
    }

    @ParameterizedTest
    @ValueSource(strings = { "PUT", "put", " Delete ", "DELETE" })
    void postMayBecomePutOrDelete(String value) {
        assertThat(MethodOverride.decide("POST", List.of(value)))
                .isEqualTo(new MethodOverride.Override(value.trim().toUpperCase()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "GET", "TRACE", "CONNECT", "HEAD", "OPTIONS", "POST", "junk", "" })
    void anyOtherValueIsRejected(String value) {
        assertThat(MethodOverride.decide("POST", List.of(value))).isInstanceOf(MethodOverride.Reject.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "GET", "PUT", "DELETE" })
    void theHeaderOnANonPostIsRejected(String method) {
        assertThat(MethodOverride.decide(method, List.of("PUT"))).isInstanceOf(MethodOverride.Reject.class);
    }

    @Test
    void theHeaderTwiceIsRejected() {
        assertThat(MethodOverride.decide("POST", List.of("PUT", "DELETE"))).isInstanceOf(MethodOverride.Reject.class);
    }

    @Test
    void patchDirectOrOverriddenIsNotImplemented() {
        assertThat(MethodOverride.decide("PATCH", List.of())).isInstanceOf(MethodOverride.NotImplemented.class);
        assertThat(MethodOverride.decide("POST", List.of("patch"))).isInstanceOf(MethodOverride.NotImplemented.class);
    }
}
