package com.onecloud.auth.credential;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import com.onecloud.access.Api;
import com.onecloud.access.PrincipalKind;
import com.onecloud.auth.AuthConfig;
import com.onecloud.http.problem.Unavailable;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads credentials from ticket-service's read-only view {@code auth_v1.credential}, by primary key, under the reader
 * role. auth-service never writes and never migrates that schema. Any failure to answer (database down, timeout) is
 * {@link Unavailable}: the decision API then answers 503, never "allow". Created at start-up ({@code @Startup}) so that
 * a missing password stops the service at once.
 */
@Startup
@ApplicationScoped
public class CredentialStore {

    private static final Logger LOG = Logger.getLogger(CredentialStore.class);

    static final String LOOKUP = "SELECT credential_id, token_hash, secret_hash, ticket_id, kind, organization_id,"
            + " user_id, apis, expires_at, revoked FROM auth_v1.credential WHERE credential_id = $1";

    private final Pool pool;
    private final Duration timeout;
    private final int retryAfterSeconds;
    private final AtomicLong lookups = new AtomicLong();

    CredentialStore(Pool pool, AuthConfig config) {
        requirePassword();
        this.pool = pool;
        this.timeout = config.db().timeout();
        this.retryAfterSeconds = config.db().retryAfterSeconds();
    }

    /** The credential with this public id, or empty when there is none. */
    public Uni<Optional<CredentialRecord>> find(String credentialId) {
        lookups.incrementAndGet();
        return pool.preparedQuery(LOOKUP).execute(Tuple.of(credentialId))
                .ifNoItem().after(timeout).fail()
                .map(CredentialStore::first)
                .onFailure().transform(failure -> {
                    // The SQL carries only the public id as a parameter; the message names no credential.
                    LOG.warnf("Credential lookup failed: %s", failure.toString());
                    return new Unavailable("The credential store cannot be reached; retry later.", retryAfterSeconds);
                });
    }

    /** No password default exists outside dev and test: refuse to start rather than connect without one. */
    private static void requirePassword() {
        Optional<String> password;
        try {
            password = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class);
        } catch (NoSuchElementException unexpandable) {
            password = Optional.empty();
        }
        if (password.isEmpty()) {
            throw new IllegalStateException("The credential store's password is not configured: set"
                    + " ONECLOUD_AUTH_READER_PASSWORD (the password of the read-only role).");
        }
    }

    /** How many lookups reached the database since start-up (the cache is meant to keep this low). */
    public long lookups() {
        return lookups.get();
    }

    private static Optional<CredentialRecord> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(toRecord(it.next())) : Optional.empty();
    }

    private static CredentialRecord toRecord(Row row) {
        var secret = row.getBuffer("secret_hash");
        return new CredentialRecord(
                row.getString("credential_id"),
                row.getBuffer("token_hash").getBytes(),
                secret == null ? null : secret.getBytes(),
                row.getString("ticket_id"),
                kindOf(row.getString("kind")),
                row.getString("organization_id"),
                row.getString("user_id"),
                apis(row.getString("apis")),
                row.getOffsetDateTime("expires_at").toInstant(),
                row.getBoolean("revoked"));
    }

    /** A kind this version does not know is null, which no verification accepts. */
    private static PrincipalKind kindOf(String kind) {
        try {
            return kind == null ? null : PrincipalKind.valueOf(kind);
        } catch (IllegalArgumentException unknown) {
            LOG.warnf("Credential view holds an unknown ticket kind: %s", kind);
            return null;
        }
    }

    /** {@code 'CONTACTS,USERS'}; names this version does not know are ignored rather than granted. */
    static Set<Api> apis(String csv) {
        Set<Api> apis = EnumSet.noneOf(Api.class);
        if (csv == null) {
            return apis;
        }
        Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(name -> {
            try {
                apis.add(Api.valueOf(name));
            } catch (IllegalArgumentException unknown) {
                LOG.debugf("Ignoring unknown API name in a ticket: %s", name);
            }
        });
        return apis;
    }
}
