package com.onecloud.http.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.onecloud.http.problem.ApiError;
import com.onecloud.http.problem.Violation;

class UriTextTest {

    @ParameterizedTest
    @ValueSource(strings = { "q=al", "q=%25", "q=_", "q=%5C", "q=%27%3B+DROP+TABLE+x%3B--", "q=a%09b", "q=%C3%A9",
            "q=%FF%FE", "limit=-1&offset=x", "a&&b=", "=x", "q=a+b" })
    void allowedQueriesPass(String query) {
        assertThat(UriText.refusal("/api/x", query)).isNull();
    }

    @Test
    void aRefusedCharacterInAQueryParameterNamesIt() {
        assertRefused(UriText.refusal("/api/x", "limit=5&q=a%00b"), "q");
        assertRefused(UriText.refusal("/api/x", "userId=%01"), "userId");
        assertRefused(UriText.refusal("/api/x", "status=%EF%BF%BF"), "status");
        assertRefused(UriText.refusal("/api/x", "a%00b=1"), "a%00b");
    }

    @Test
    void aBrokenPercentEncodingNamesTheParameter() {
        assertRefused(UriText.refusal("/api/x", "q=%zz"), "q");
        assertRefused(UriText.refusal("/api/x", "offset=%"), "offset");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/x/%00", "/api/x/a%1Fb", "/api/%00/x", "/api/x/%zz" })
    void aRefusedCharacterInThePathNamesThePath(String path) {
        assertRefused(UriText.refusal(path, null), "path");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/x", "/api/x/%2e%2e", "/api/x/a%2Fb", "/api/x/a+b", "/api/x/%E2%82%AC" })
    void ordinaryPathsPass(String path) {
        assertThat(UriText.refusal(path, null)).isNull();
    }

    private static void assertRefused(ApiError error, String field) {
        assertThat(error).isNotNull();
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.violations()).extracting(Violation::field).containsExactly(field);
    }
}
