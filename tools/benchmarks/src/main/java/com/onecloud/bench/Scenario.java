package com.onecloud.bench;

/** One measurement of the run, selected by its phase name (BENCH_PHASES); it writes its own section of the report. */
interface Scenario {

    /** The name BENCH_PHASES selects it by. */
    String phase();

    void measure() throws Exception;
}
