package com.onecloud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JvmOptionsTest {

    @Test
    void aJvmThatCanTrimItsNativeHeapIsToldTo() {
        assertThat(JvmOptions.forServices(option -> true))
                .containsExactly("-Xmx128m", "-XX:+UseParallelGC", JvmOptions.TRIM_NATIVE_HEAP);
    }

    @Test
    void anOlderJvmIsNotGivenAnOptionItWouldRefuseToStartWith() {
        assertThat(JvmOptions.forServices(option -> false)).containsExactly("-Xmx128m", "-XX:+UseParallelGC");
    }

    @Test
    void supportIsReadFromTheRunningJvm() {
        assertThat(JvmOptions.supported("UseParallelGC")).isTrue();
        assertThat(JvmOptions.supported("NoSuchOptionAnywhere")).isFalse();
    }
}
