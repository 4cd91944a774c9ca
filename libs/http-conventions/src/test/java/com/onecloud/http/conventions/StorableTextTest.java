package com.onecloud.http.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorableTextTest {

    @ParameterizedTest
    @ValueSource(strings = { "", "Alice", "tab\there", "two\nlines\r\n", "Jos\u00e9", "\u007f and \u0085 (DEL, C1)",
            "\ud83d\ude00 a pair", "\ud7ff\ue000\ufffd", "O'Brien; DROP TABLE x;--", "100% _under_ \\" })
    void whatXmlCanCarryIsAllowed(String text) {
        assertThat(StorableText.firstRefused(text)).isEqualTo(-1);
        assertThat(StorableText.sanitize(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = { "a\u0000b", "a\u0001b", "a\u0008b", "a\u000bb", "a\u000cb", "a\u001bb", "a\u001fb",
            "a\ud800b", "a\udc00b", "a\ufffeb", "a\uffffb" })
    void controlsOtherThanTabLineFeedAndReturnLoneSurrogatesAndNonCharactersAreRefused(String text) {
        assertThat(StorableText.firstRefused(text)).isEqualTo(1);
        assertThat(StorableText.sanitize(text)).isEqualTo("a\ufffdb");
    }

    @ParameterizedTest
    @ValueSource(strings = { "\ud800", "x\ud83d", "\ude00x" })
    void aSurrogateAtEitherEndIsRefused(String text) {
        assertThat(StorableText.isAllowed(text)).isFalse();
    }
}
