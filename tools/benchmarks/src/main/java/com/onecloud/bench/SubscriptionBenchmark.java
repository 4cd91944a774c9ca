package com.onecloud.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.onecloud.platform.Platform;
import com.onecloud.platform.PlatformConfig;

/**
 * Subscriptions at scale (contract §4): {@code BENCH_SUBSCRIBERS} (2,000) concurrent Server-Sent Events streams on one
 * resource-service, spread over {@code BENCH_SUBSCRIBER_USERS} (100) users' contacts. Measures, in one run: the
 * service's memory per idle subscriber (RSS and heap after a full GC, before and after connecting them), its CPU at
 * idle with none and with all of them connected, and commit-to-delivery latency (from the creating request's response
 * to the event's arrival at each of the user's streams) under a steady change rate. Writes
 * tools/benchmarks/target/subscriptions-*&#47;results.md.
 */
public final class SubscriptionBenchmark {

    private static final HttpClient STREAMS = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
    private static final int BATCH = 100;

    private final AtomicInteger open = new AtomicInteger();

    private SubscriptionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path folder = Path.of(args[1]).toAbsolutePath().normalize().resolve("subscriptions-" + System.currentTimeMillis());
        Files.createDirectories(folder);
        Map<String, String> env = System.getenv();
        int subscribers = Integer.parseInt(env.getOrDefault("BENCH_SUBSCRIBERS", "2000"));
        int users = Integer.parseInt(env.getOrDefault("BENCH_SUBSCRIBER_USERS", "100"));
        int rate = Integer.parseInt(env.getOrDefault("BENCH_CHANGES_PER_SECOND", "20"));
        int seconds = Integer.parseInt(env.getOrDefault("BENCH_DURATION", "20"));
        PlatformConfig config = new PlatformConfig(root, folder.resolve("platform"), freePort(), freePort(), freePort(),
                freePort(), freePort(), null, "postgres", "postgres", null, Map.of());
        Log.info("starting the platform in " + folder);
        try (Platform platform = Platform.start(config)) {
            String report = new SubscriptionBenchmark().measure(platform, folder, subscribers, users, rate,
                    seconds);
            Files.writeString(folder.resolve("results.md"), report);
            System.out.println(report);
        }
    }

    private String measure(Platform platform, Path folder, int subscribers, int users, int rate, int seconds)
            throws Exception {
        Api api = new Api(platform.ticketUrl(), platform.resourceUrl(), platform.bootstrapToken(),
                platform.bootstrapSecret());
        String org = api.newOrganization("Subscribers " + UUID.randomUUID());
        Api.AppTicket admin = api.newApplication(org, "USERS", "TICKETS");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String userId = api.newUser(admin, org, "Sub" + i, "Scriber", "sub" + i + "-" + UUID.randomUUID() + "@x.io");
            tokens.add(api.newUserToken(admin, org, userId, "CONTACTS").token());
        }
        long pid = Services.process("resource-service").orElseThrow().pid();
        // Warm the paths once, then take the baseline.
        for (String token : tokens) {
            api.newContact(token, "Warm-up");
        }
        Memory before = Memory.of(pid);
        // What the subscribers' heap is made of: the difference of these two (jcmd GC.class_histogram).
        Files.writeString(folder.resolve("histogram-before.txt"), Services.jcmd(pid, "GC.class_histogram"));
        double baselineCpu = cpuShare(pid, Duration.ofSeconds(30));

        // In batches, as clients arrive, rather than 2,000 connections in one burst; a refused one is tried again.
        for (int first = 0; first < subscribers; first += BATCH) {
            int size = Math.min(BATCH, subscribers - first);
            for (int attempt = 0; attempt < 3 && size > 0; attempt++) {
                CountDownLatch batch = new CountDownLatch(size);
                AtomicInteger refused = new AtomicInteger();
                for (int i = 0; i < size; i++) {
                    subscribe(platform.resourceUrl(), tokens.get((first + i) % users), batch, refused);
                }
                batch.await(30, TimeUnit.SECONDS);
                size = refused.get() + (int) batch.getCount();
            }
        }
        if (open.get() < subscribers) {
            throw new IllegalStateException("only " + open.get() + " of " + subscribers + " streams opened");
        }
        Thread.sleep(5_000);
        Memory after = Memory.of(pid);
        Files.writeString(folder.resolve("histogram-after.txt"), Services.jcmd(pid, "GC.class_histogram"));
        double idleCpu = cpuShare(pid, Duration.ofSeconds(30));

        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int changes = rate * seconds;
        for (int i = 0; i < changes; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String id = api.newContact(tokens.get(i % users), "Change " + i);
            sentAt.putIfAbsent(id, System.nanoTime());
        }
        Thread.sleep(3_000);
        int expected = changes * (subscribers / users);
        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        return report(subscribers, users, rate, seconds, before, after, baselineCpu, idleCpu, expected, sorted);
    }

    /** One stream; every event's arrival is timed against its contact's creation. */
    private void subscribe(String resourceUrl, String token, CountDownLatch connected, AtomicInteger refused) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(resourceUrl + "/api/user/v1/contacts"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).GET().build();
        STREAMS.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
            private boolean opened;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                opened = true;
                open.incrementAndGet();
                connected.countDown();
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                if (line.startsWith("data:")) {
                    long now = System.nanoTime();
                    try {
                        JsonNode data = Api.JSON.readTree(line.substring(5));
                        Long sent = sentAt.get(data.path("item").path("id").asText());
                        if (sent != null) {
                            latenciesMicros.add(Math.max(0, (now - sent) / 1_000));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }

            @Override
            public void onError(Throwable throwable) {
                ended();
            }

            @Override
            public void onComplete() {
                ended();
            }

            private void ended() {
                if (opened) {
                    open.decrementAndGet();
                }
            }
        })).whenComplete((response, failure) -> {
            if (failure != null) {
                refused.incrementAndGet();
                connected.countDown();
            }
        });
    }

    private String report(int subscribers, int users, int rate, int seconds, Memory before, Memory after,
            double baselineCpu, double idleCpu, int expected, List<Long> sorted) {
        double rssPerSubscriber = (after.rssKiB() - before.rssKiB()) / (double) subscribers;
        double heapPerSubscriber = (after.heapKiB() - before.heapKiB()) / (double) subscribers;
        return "# Subscriptions benchmark\n\n"
                + "| measure | value | target |\n|---|---|---|\n"
                + "| concurrent subscribers (one resource-service) | " + subscribers + " (" + users + " users, "
                + open.get() + " open at the end) | ≥ 2,000 |\n"
                + String.format("| RSS per idle subscriber | %.1f KiB (RSS %d → %d MiB) | < 16 KiB |%n", rssPerSubscriber,
                        before.rssKiB() / 1024, after.rssKiB() / 1024)
                + String.format("| heap per idle subscriber (after a full GC) | %.1f KiB | |%n", heapPerSubscriber)
                + String.format("| CPU at idle, no subscriber (30 s) | %.2f %% of a core | |%n", baselineCpu * 100)
                + String.format("| CPU at idle, all connected (30 s) | %.2f %% of a core | < 5 %% |%n", idleCpu * 100)
                + "| changes | " + rate + "/s for " + seconds + " s, each to " + subscribers / users + " streams |  |\n"
                + "| deliveries | " + sorted.size() + " of " + expected + " |  |\n"
                + String.format("| commit-to-delivery p50 | %.1f ms | |%n", percentile(sorted, 0.50) / 1000.0)
                + String.format("| commit-to-delivery p99 | %.1f ms | < 100 ms |%n", percentile(sorted, 0.99) / 1000.0)
                + String.format("| commit-to-delivery max | %.1f ms | |%n", percentile(sorted, 1.0) / 1000.0);
    }

    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    /** The share of one core the process used over {@code window} (user + system time from /proc). */
    private static double cpuShare(long pid, Duration window) throws Exception {
        long ticks0 = cpuTicks(pid);
        long t0 = System.nanoTime();
        Thread.sleep(window.toMillis());
        long ticks1 = cpuTicks(pid);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return (ticks1 - ticks0) / 100.0 / seconds;
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The process's resident memory and, after a full GC, its used heap. */
    private record Memory(long rssKiB, long heapKiB) {

        static Memory of(long pid) {
            Services.jcmd(pid, "GC.run");
            String heap = Services.jcmd(pid, "GC.heap_info");
            long used = 0;
            for (String line : heap.split("\n")) {
                int at = line.indexOf("used ");
                if (line.contains("total") && at >= 0) { // one line per generation or region set
                    used += Long.parseLong(line.substring(at + 5).replaceAll("[^0-9].*", ""));
                }
            }
            return new Memory((long) (Services.rssMiB(pid) * 1024), used);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
