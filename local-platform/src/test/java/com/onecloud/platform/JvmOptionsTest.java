package com.onecloud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JvmOptionsTest {

    @Test
    void aJvmThatCanTrimItsNativeHeapIsToldTo() {
        assertThat(JvmOptions.forServices(option -> true))
                .containsExactly("-Xmx128m", "-XX:+UseSerialGC", JvmOptions.TRIM_NATIVE_HEAP);
    }

    @Test
    void anOlderJvmIsNotGivenAnOptionItWouldRefuseToStartWith() {
        assertThat(JvmOptions.forServices(option -> false)).containsExactly("-Xmx128m", "-XX:+UseSerialGC");
    }

    @Test
    void supportIsReadFromTheRunningJvm() {
        assertThat(JvmOptions.supported("UseSerialGC")).isTrue();
        assertThat(JvmOptions.supported("NoSuchOptionAnywhere")).isFalse();
    }
}
