package com.onecloud.bench;

import java.time.LocalTime;

/** The driver's progress on the console, one time-stamped line per step. */
final class Log {

    private Log() {
    }

    static void info(String message) {
        System.out.println("[bench " + LocalTime.now().withNano(0) + "] " + message);
    }
}
