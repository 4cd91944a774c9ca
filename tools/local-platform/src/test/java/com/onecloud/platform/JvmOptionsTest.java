package com.onecloud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JvmOptionsTest {

    @Test
    void onlyTicketServiceGivesUpTheC2Compiler() {
        assertThat(JvmOptions.forService(Platform.TICKET, option -> true))
                .containsExactly("-Xmx128m", "-XX:+UseParallelGC", JvmOptions.TRIM_NATIVE_HEAP,
                        "-XX:TieredStopAtLevel=1", "-Xmn16m");
        assertThat(JvmOptions.forService(Platform.RESOURCE, option -> true)).doesNotContain(JvmOptions.C1_ONLY);
        assertThat(JvmOptions.forService(Platform.AUTH, option -> true)).doesNotContain(JvmOptions.C1_ONLY);
    }

    @Test
    void resourceServiceGetsASmallerHeapAndAuthServiceALargerYoungGeneration() {
        assertThat(JvmOptions.forService(Platform.RESOURCE, option -> true))
                .containsExactly("-Xmx96m", "-XX:+UseParallelGC", JvmOptions.TRIM_NATIVE_HEAP, "-Xmn16m");
        assertThat(JvmOptions.forService(Platform.AUTH, option -> true))
                .containsExactly("-Xmx128m", "-XX:+UseParallelGC", JvmOptions.TRIM_NATIVE_HEAP, "-Xmn24m");
    }

    @Test
    void anOlderJvmIsNotGivenAnOptionItWouldRefuseToStartWith() {
        assertThat(JvmOptions.forService(Platform.RESOURCE, option -> false))
                .containsExactly("-Xmx96m", "-XX:+UseParallelGC", "-Xmn16m");
    }

    @Test
    void supportIsReadFromTheRunningJvm() {
        assertThat(JvmOptions.supported("UseParallelGC")).isTrue();
        assertThat(JvmOptions.supported("NoSuchOptionAnywhere")).isFalse();
    }
}
