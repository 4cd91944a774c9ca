package com.onecloud.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import com.onecloud.bench.Api.AppTicket;
import com.onecloud.bench.Api.UserToken;
import com.onecloud.platform.Platform;

/**
 * What the measurements after start-up work on: an organization, an APPLICATION ticket that administers it, one user
 * with a USER token (CONTACTS), all made through the public APIs, and that user's contacts.
 *
 * @param contacts how many contacts the user owns; their ids are {@link #contactId(int)} of 1 to {@code contacts}
 */
record Seed(Api api, String org, AppTicket admin, String userId, UserToken userToken, int contacts) {

    /** Seeded contact ids are this prefix and a zero-padded number, 16 characters in all (wrk's random-contact.lua). */
    private static final String CONTACT_PREFIX = "bench";

    /**
     * The contacts go straight into resource-service's table: through the API, 100,000 of them would take minutes and
     * measure nothing the CRUD runs do not measure anyway.
     */
    static Seed plant(BenchRun run, int postgresPort) throws SQLException {
        Log.info("seeding");
        Platform platform = run.platform();
        int contacts = run.config().contacts();
        Api api = new Api(platform.ticketUrl(), platform.resourceUrl(), platform.bootstrapToken(),
                platform.bootstrapSecret());
        String org = api.newOrganization("Benchmark " + UUID.randomUUID());
        AppTicket admin = api.newApplication(org, "USERS", "TICKETS");
        String userId = api.newUser(admin, org, "Bench", "Mark", "bench-" + UUID.randomUUID() + "@example.com");
        UserToken userToken = api.newUserToken(admin, org, userId, "CONTACTS");
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort
                + "/onecloud_resources", "postgres", "postgres")) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO contact (id, organization_id, owner_user_id, first_name, last_name, company, email,
                                         phone_number, version, created_at)
                    SELECT ? || lpad(i::text, ?, '0'), ?, ?, 'First' || i, 'Last' || i, 'Company ' || (i % 1000),
                           'contact' || i || '@example.com', '+4930' || lpad(i::text, 8, '0'), 0,
                           now() - make_interval(secs => i)
                    FROM generate_series(1, ?) AS i""")) {
                s.setString(1, CONTACT_PREFIX);
                s.setInt(2, 16 - CONTACT_PREFIX.length());
                s.setString(3, org);
                s.setString(4, userId);
                s.setInt(5, contacts);
                s.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE contact");
            }
        }
        run.report().append("Seed: one organization, an APPLICATION ticket (USERS, TICKETS), one user with a USER token"
                + " (CONTACTS) through the public APIs; ").append(contacts).append(" contacts of that user inserted"
                + " directly into resource-service's `contact` table (`INSERT ... SELECT generate_series`, then"
                + " `ANALYZE`) in ").append(Report.f1((System.nanoTime() - t0) / 1e9)).append(" s.\n\n");
        return new Seed(api, org, admin, userId, userToken, contacts);
    }

    String contactId(int i) {
        return CONTACT_PREFIX + String.format("%0" + (16 - CONTACT_PREFIX.length()) + "d", i);
    }

    /** wrk's environment for random-contact.lua: authenticated GETs of random seeded contacts in this media type. */
    Map<String, String> randomContactReads(String accept) {
        return Map.of("BENCH_HEADERS", "Authorization: Bearer " + userToken.token() + "\nAccept: " + accept,
                "BENCH_ID_PREFIX", CONTACT_PREFIX, "BENCH_ID_COUNT", Integer.toString(contacts), "BENCH_BASE_PATH",
                "/api/user/v1/contacts/");
    }
}
