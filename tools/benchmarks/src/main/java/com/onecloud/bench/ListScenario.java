package com.onecloud.bench;

import static com.onecloud.bench.Report.f0;
import static com.onecloud.bench.Report.f1;
import static com.onecloud.bench.Report.f2;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The paths users hit most, each against its floor: contact list (JSON and XML) and contact search with the USER
 * token, the directory's user list and the ticket list with the APPLICATION ticket, at the seeded contacts and
 * {@code BENCH_USERS} users (each with a USER ticket). The floor of a path is PostgreSQL alone running the statements
 * the service sends for one such request ({@link PgBench}), measured right after the path itself.
 */
record ListScenario(BenchRun run, Seed seed, int postgresPort) implements Scenario {

    /** What the search asks for: a surname fragment that finds a handful of contacts and a directory user. */
    static final String SEARCH_FRAGMENT = "last4711";
    private static final int LIMIT = 10;

    /**
     * One measured path: its request, and the statements resource- or ticket-service sends for it (copied from the
     * service: {@code ContactService}, {@code ContactSearch}, {@code UserService} and ticket-service's
     * {@code TicketPages}), with {@code $n} bound to {@code parameters}.
     */
    private record Path(String name, String url, String headers, String database, List<String> statements,
            List<String> parameters) {
    }

    @Override
    public String phase() {
        return "lists";
    }

    @Override
    public void measure() throws Exception {
        int users = run.config().users();
        Log.info("list and search paths (seeding " + users + " users and their tickets)");
        double seedSeconds = DirectorySeed.plant(seed, postgresPort, users);
        String org = seed.org();
        String resource = run.platform().resourceUrl();
        String ticket = run.platform().ticketUrl();
        String bearer = "Authorization: Bearer " + seed.userToken().token();
        String basic = "Authorization: " + seed.admin().basic();
        String limit = Integer.toString(LIMIT);
        String pattern = "%" + SEARCH_FRAGMENT + "%";
        List<Path> paths = List.of(
                new Path("contact list JSON", run.loopback(resource, "/api/user/v1/contacts?limit=" + LIMIT),
                        bearer + "\nAccept: application/json", "onecloud_resources", List.of(CONTACT_PAGE),
                        List.of(org, seed.userId(), limit, "0")),
                new Path("contact list XML", run.loopback(resource, "/api/user/v1/contacts?limit=" + LIMIT),
                        bearer + "\nAccept: application/xml", "onecloud_resources", List.of(CONTACT_PAGE),
                        List.of(org, seed.userId(), limit, "0")),
                new Path("contact search", run.loopback(resource, "/api/user/v1/contacts/search?q="
                        + SEARCH_FRAGMENT + "&limit=" + LIMIT), bearer + "\nAccept: application/json",
                        "onecloud_resources", List.of(SEARCH_PAGE), List.of(org, seed.userId(), pattern, limit, "0")),
                new Path("user list", run.loopback(resource, "/api/admin/v1/organizations/" + org + "/users?limit="
                        + LIMIT), basic + "\nAccept: application/json", "onecloud_resources", List.of(USER_PAGE),
                        List.of(org, limit, "0")),
                new Path("ticket list", run.loopback(ticket, "/api/admin/v1/organizations/" + org + "/tickets?limit="
                        + LIMIT), basic + "\nAccept: application/json", "onecloud_tickets", List.of(TICKET_PAGE),
                        List.of(org, limit, "0")));

        PgBench pgbench = PgBench.available() ? new PgBench(postgresPort, run.folder(), run.wrk().threads(),
                run.config().wrkConnections()) : null;
        List<Wrk.Result> table = new ArrayList<>();
        StringBuilder ratios = new StringBuilder("| path | requests/s | floor (PostgreSQL alone)/s | ratio | p99 | floor"
                + " p99 | targets: ratio ≥ 65 %, p99 < 20 ms |\n|---|---|---|---|---|---|---|\n");
        StringBuilder plans = new StringBuilder();
        StringBuilder cpu = new StringBuilder("| path | service / PostgreSQL / wrk, per request | floor: PostgreSQL /"
                + " pgbench, per query |\n|---|---|---|\n");
        for (Path path : paths) {
            Map<String, String> env = Map.of("BENCH_HEADERS", path.headers());
            Api.requireStatus(path.url(), headerMap(path.headers()), 200);
            // As long as an independent run's warm-up: the first path follows the seeding, with the JIT still busy.
            run.wrk().run(path.name() + "-warmup", path.url(), "request.lua", env, run.config().pathWarmup());
            String serviceName = path.database().equals("onecloud_tickets") ? "ticket-service" : "resource-service";
            Optional<ProcessHandle> process = Services.process(serviceName);
            Wrk.Result service;
            CpuSplit.Snapshot before = CpuSplit.now(process);
            try (JfrRecording jfr = run.jfr("list-" + path.name().replace(' ', '-'), serviceName)) {
                service = run.report().check(run.wrk().run(path.name(), path.url(), "request.lua", env,
                        run.config().duration()));
            }
            cpu.append("| ").append(path.name()).append(" | ")
                    .append(CpuSplit.now(process).perRequest(before, service.requests())).append(" | ");
            table.add(service);
            try {
                floor(path, pgbench, service, ratios, plans, table, cpu);
            } catch (SQLException | IllegalStateException e) {
                // One path's floor failing leaves the others and the rest of the run to measure.
                Log.info(path.name() + ": no floor: " + e.getMessage());
                ratios.append("| ").append(path.name()).append(" | ").append(f0(service.rps()))
                        .append(" | failed: ").append(e.getMessage().replace('\n', ' ').replace('|', '/'))
                        .append(" | | ").append(f2(service.p99Ms())).append(" ms | | |\n");
                cpu.append("failed |\n");
            }
        }
        run.report().append("## 6. List and search paths, each against PostgreSQL alone\n\n")
                .append(seed.contacts()).append(" contacts of the token's user, ").append(users)
                .append(" directory users and as many USER tickets in the organization (inserted directly in ")
                .append(f1(seedSeconds)).append(" s, then `ANALYZE`). `limit=").append(LIMIT).append("`, first page;"
                        + " the search asks for `q=").append(SEARCH_FRAGMENT).append("`. Contacts and search with the"
                        + " USER token (Bearer), users and tickets with the APPLICATION ticket (Basic), each decision"
                        + " cached after the first request. The *floor* of a path runs right after it: pgbench"
                        + " (`-M prepared`, the same -c and -j as wrk) sending the statements the service sends for"
                        + " one request, with the same parameters, to the same database.\n\n")
                .append(ratios).append('\n');
        run.report().table(table);
        run.report().append("\nWhere each run's CPU went (from `/proc`: the service's process, every PostgreSQL"
                + " process with the backends that ended during the run, the load generator), in CPU time per request"
                + " or per query of the run:\n\n").append(cpu);
        run.report().append("\n### The statements and their plans\n\n`EXPLAIN (ANALYZE, BUFFERS)` of each statement"
                + " with the run's parameters, prepared in a session set as the services' connections are (`"
                + PgBench.SERVICE_SESSION_SETTING + "`) and executed six times first, so that the plan is the one their"
                + " prepared statements keep, after the path's own measurement.\n\n").append(plans);
    }

    /** The path's statements, their plans and the floor pgbench measures for them, into the report's parts. */
    private void floor(Path measured, PgBench pgbench, Wrk.Result service, StringBuilder ratios, StringBuilder plans,
            List<Wrk.Result> table, StringBuilder cpu) throws SQLException {
        Path path = captured(measured);
        plans.append("**").append(path.name()).append("** (").append(path.statements().size())
                .append(path.statements().size() == 1 ? " statement" : " statements").append(")\n\n");
        for (String statement : path.statements()) {
            plans.append("```\n").append(statement.strip()).append("\n\n")
                    .append(explain(path.database(), statement, path.parameters())).append("```\n\n");
        }
        if (pgbench == null) {
            ratios.append("| ").append(path.name()).append(" | ").append(f0(service.rps()))
                    .append(" | no pgbench | | ").append(f2(service.p99Ms())).append(" ms | | |\n");
            cpu.append("no pgbench |\n");
            return;
        }
        CpuSplit.Snapshot before = CpuSplit.now(Optional.empty());
        Wrk.Result floor = pgbench.run(path.name() + " floor", path.database(), path.statements().stream()
                .map(statement -> statement.replaceAll("\\$(\\d+)", ":p$1")).toList(),
                numbered(path.parameters()), run.config().duration());
        cpu.append(CpuSplit.now(Optional.empty()).perQuery(before, floor.requests())).append(" |\n");
        table.add(floor);
        ratios.append("| ").append(path.name()).append(" | ").append(f0(service.rps())).append(" | ")
                .append(f0(floor.rps())).append(" | **").append(f1(100 * service.rps() / floor.rps()))
                .append(" %** | ").append(f2(service.p99Ms())).append(" ms | ").append(f2(floor.p99Ms()))
                .append(" ms | ").append(service.rps() >= 0.65 * floor.rps() && service.p99Ms() < 20 ? "met"
                        : "not met").append(" |\n");
    }

    /** The statement of {@code ContactService.page}. */
    static final String CONTACT_PAGE = "SELECT page.*, counted.total FROM (SELECT coalesce(sum(contacts), 0) AS total"
            + " FROM contact_count WHERE organization_id = $1 AND owner_user_id = $2) counted LEFT JOIN LATERAL (SELECT"
            + " id, first_name, last_name, company, email, phone_number, version FROM contact WHERE organization_id = $1"
            + " AND owner_user_id = $2 ORDER BY created_at, id LIMIT $3 OFFSET $4) page ON true";

    /** The statement of {@code ContactSearch.search} for a page that has hits. */
    static final String SEARCH_PAGE = """
            SELECT *, count(*) OVER () AS total FROM (SELECT 'PERSONAL' AS type, id, first_name, last_name, email,
             phone_number FROM contact WHERE organization_id = $1 AND owner_user_id = $2 AND search_text LIKE $3
             ESCAPE '\\' UNION ALL SELECT 'DIRECTORY', id, first_name, last_name, email, phone_number FROM
             directory_user WHERE organization_id = $1 AND search_text LIKE $3 ESCAPE '\\') hits
             ORDER BY type DESC, last_name, first_name, id LIMIT $4 OFFSET $5""";

    /** The statement of {@code UserService.page}. */
    static final String USER_PAGE = "SELECT page.*, coalesce(counted.users, 0) AS total FROM organization o LEFT JOIN"
            + " directory_user_count counted ON counted.organization_id = o.id LEFT JOIN LATERAL (SELECT id,"
            + " organization_id, first_name, last_name, email, phone_number, user_api_enabled, version FROM"
            + " directory_user WHERE organization_id = o.id ORDER BY created_at, id LIMIT $2 OFFSET $3) page ON true"
            + " WHERE o.id = $1";

    /**
     * What ticket-service's {@code TicketPages.page} sends without filters: the page with its total read from the
     * organization's counter rows. The run takes the statement PostgreSQL actually received where it can
     * ({@link #captured}).
     */
    static final String TICKET_PAGE = "SELECT id, organization_id, user_id, kind, name, apis, created_at, expires_at,"
            + " revoked_at, last_used_at, revoke_reason, expiry_announced, bootstrap, (SELECT coalesce(sum(tickets), 0)"
            + " FROM ticket_count WHERE organization_id = $1) AS total FROM ticket WHERE organization_id = $1"
            + " ORDER BY created_at, id LIMIT $2 OFFSET $3";

    /**
     * The path with the statement PostgreSQL last received for it from the service, where one of the service's idle
     * connections shows it (pg_stat_activity keeps a backend's last statement): so the floor runs exactly what the
     * service sends, even where an ORM writes it. Paths of one statement only; the copy stays where none matches.
     */
    private Path captured(Path path) throws SQLException {
        if (path.statements().size() != 1) {
            return path;
        }
        String copy = path.statements().get(0);
        String marker = copy.replaceAll("\\s+", " ");
        marker = marker.substring(0, Math.min(40, marker.length()));
        try (Connection c = connect(path.database()); PreparedStatement s = c.prepareStatement("SELECT query FROM"
                + " pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid() AND state = 'idle'"
                + " AND lower(regexp_replace(query, '\\s+', ' ', 'g')) LIKE ?")) {
            s.setString(1, path.database());
            s.setString(2, "%" + (path.database().equals("onecloud_tickets") ? "(select count(*) from ticket"
                    : marker).toLowerCase() + "%");
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return new Path(path.name(), path.url(), path.headers(), path.database(),
                            List.of(rs.getString(1)), path.parameters());
                }
            }
        }
        Log.info(path.name() + ": its statement was not seen in pg_stat_activity; the floor runs the copy");
        return path;
    }

    /**
     * The plan PostgreSQL uses for the statement as the service's clients send it: prepared in a session set as theirs
     * are, and executed a few times first.
     */
    private String explain(String database, String statement, List<String> parameters) throws SQLException {
        int used = Pattern.compile("\\$(\\d+)").matcher(statement).results()
                .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
        String arguments = String.join(", ", parameters.subList(0, used).stream()
                .map(p -> "'" + p.replace("'", "''") + "'").toList());
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute("SET " + PgBench.SERVICE_SESSION_SETTING);
            s.execute("PREPARE measured AS " + statement);
            for (int i = 0; i < 6; i++) {
                s.execute("EXECUTE measured(" + arguments + ")");
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE measured(" + arguments
                    + ")")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/" + database, "postgres",
                "postgres");
    }

    /** pgbench's variables {@code p1, p2, ...} for the statements' {@code $1, $2, ...} ({@link PgBench}). */
    private static Map<String, String> numbered(List<String> parameters) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            variables.put("p" + (i + 1), parameters.get(i));
        }
        return variables;
    }

    private static Map<String, String> headerMap(String headers) {
        Map<String, String> map = new HashMap<>();
        for (String line : headers.split("\n")) {
            map.put(line.substring(0, line.indexOf(':')).trim(), line.substring(line.indexOf(':') + 1).trim());
        }
        return map;
    }
}
