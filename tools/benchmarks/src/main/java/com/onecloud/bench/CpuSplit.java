package com.onecloud.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a measured run's CPU went: the service under test, PostgreSQL and the load generator, from {@code /proc}.
 * PostgreSQL is every process named {@code postgres} together with the backends that exited during the run (their time
 * is added to the postmaster's children when it reaps them); the generator, wrk or pgbench, is a child of this JVM, so
 * its time is in this JVM's children once it has exited. Nothing else may exit from this JVM during the run.
 */
final class CpuSplit {

    /** Linux's USER_HZ, the unit of the times in {@code /proc/<pid>/stat}. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** CPU seconds used so far by each part. */
    record Snapshot(double service, double database, double generator) {

        /** What each part used between {@code start} and this snapshot: service / database / generator, per request. */
        String perRequest(Snapshot start, long requests) {
            return Report.f0(micros(service - start.service, requests)) + " / " + perQuery(start, requests);
        }

        /** What the database and the generator used between {@code start} and this snapshot, per query (a floor). */
        String perQuery(Snapshot start, long queries) {
            return Report.f0(micros(database - start.database, queries)) + " / "
                    + Report.f0(micros(generator - start.generator, queries)) + " µs";
        }

        /** The service's CPU per request between {@code start} and this snapshot, in µs. */
        double serviceMicros(Snapshot start, long requests) {
            return micros(service - start.service, requests);
        }

        /** The load generator's CPU per request between {@code start} and this snapshot, in µs. */
        double generatorMicros(Snapshot start, long requests) {
            return micros(generator - start.generator, requests);
        }

        private static double micros(double seconds, long requests) {
            return requests == 0 ? 0 : seconds * 1e6 / requests;
        }
    }

    private CpuSplit() {
    }

    /** The parts' CPU time now; {@code service} empty where the run has no service (a floor). */
    static Snapshot now(Optional<ProcessHandle> service) {
        double serviceSeconds = service.map(p -> ticks(p.pid(), false)).orElse(0L) / TICKS_PER_SECOND;
        long database = ProcessHandle.allProcesses()
                .filter(p -> "postgres".equals(command(p.pid())))
                .mapToLong(p -> ticks(p.pid(), false) + ticks(p.pid(), true))
                .sum();
        long generator = ticks(ProcessHandle.current().pid(), true);
        return new Snapshot(serviceSeconds, database / TICKS_PER_SECOND, generator / TICKS_PER_SECOND);
    }

    private static String command(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** The process's own user and system ticks, or those of its children that it has waited for; 0 once it is gone. */
    private static long ticks(long pid, boolean reapedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            int first = reapedChildren ? 13 : 11;
            return Long.parseLong(fields[first]) + Long.parseLong(fields[first + 1]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
