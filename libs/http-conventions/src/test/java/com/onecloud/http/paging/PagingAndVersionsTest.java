package com.onecloud.http.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.onecloud.http.problem.InvalidInput;

class PagingAndVersionsTest {

    @Test
    void defaults() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(50, 0));
        assertThat(PageRequest.of("500", "10")).isEqualTo(new PageRequest(500, 10));
    }

    @ParameterizedTest
    @CsvSource({ "0,0,limit", "501,0,limit", "-1,0,limit", "abc,0,limit", "10,-1,offset", "10,x,offset" })
    void outOfRangeValuesNameTheParameter(String limit, String offset, String field) {
        assertThatThrownBy(() -> PageRequest.of(limit, offset)).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations()).anyMatch(v -> v.field().equals(field)));
    }

    @Test
    void ifMatchWinsOverTheBodyAndAcceptsWeakAndBareTags() {
        assertThat(Versions.expected("\"7\"", 3L)).isEqualTo(7);
        assertThat(Versions.expected("W/\"7\"", null)).isEqualTo(7);
        assertThat(Versions.expected(null, 3L)).isEqualTo(3);
        assertThat(Versions.etag(4)).isEqualTo("\"4\"");
    }

    @Test
    void aMissingOrForeignVersionIsInvalid() {
        assertThatThrownBy(() -> Versions.expected(null, null)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Versions.expected("\"abc\"", null)).isInstanceOf(InvalidInput.class);
    }
}
