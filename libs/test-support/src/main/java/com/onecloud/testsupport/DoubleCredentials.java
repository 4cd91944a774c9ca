package com.onecloud.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import com.onecloud.access.Api;
import com.onecloud.access.Principal;
import com.onecloud.access.PrincipalKind;
import com.onecloud.access.credential.TokenFormat;

/**
 * Fresh credentials that the {@link AuthServiceDouble} of this JVM accepts, as the {@code Authorization} header value
 * that presents them. For tests that reach a service only over HTTP (a packaged service under
 * {@code @QuarkusIntegrationTest}), where nothing else can vouch for a caller.
 */
public final class DoubleCredentials {

    private DoubleCredentials() {
    }

    public static String superuser(Api... apis) {
        return basic(PrincipalKind.SUPERUSER, null, null, Set.of(apis));
    }

    public static String application(String organizationId, Api... apis) {
        return basic(PrincipalKind.APPLICATION, organizationId, null, Set.of(apis));
    }

    public static String user(String organizationId, String userId, Api... apis) {
        String token = TokenFormat.newToken(TokenFormat.newId());
        register(token, null, PrincipalKind.USER, organizationId, userId, Set.of(apis));
        return "Bearer " + token;
    }

    private static String basic(PrincipalKind kind, String organizationId, String userId, Set<Api> apis) {
        String token = TokenFormat.newToken(TokenFormat.newId());
        String secret = TokenFormat.newSecret();
        register(token, secret, kind, organizationId, userId, apis);
        return "Basic " + Base64.getEncoder().encodeToString((token + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static void register(String token, String secret, PrincipalKind kind, String organizationId,
            String userId, Set<Api> apis) {
        String ticketId = TokenFormat.credentialId(token).orElseThrow();
        AuthServiceDouble.register(token, secret, new Principal(kind, "subject-" + ticketId, ticketId, organizationId,
                userId, apis, Instant.now().plusSeconds(3600)));
    }
}
