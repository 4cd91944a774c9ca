package com.onecloud.http.openapi;

import java.util.List;

import com.onecloud.access.Protected;
import com.onecloud.http.access.EndpointAccess;
import com.onecloud.http.access.EndpointAccess.Guarded;
import com.onecloud.http.access.EndpointAccess.InternalOnly;
import com.onecloud.http.access.EndpointAccess.Mistake;

/**
 * What an endpoint's declaration ({@link EndpointAccess}, the same one the authentication filter reads) means in its
 * OpenAPI operation: which security schemes it accepts (contract §2 and §3) and a sentence for the reader.
 */
final class OperationAccess {

    /** {@code Authorization: Bearer}: a USER token or an OpenID Connect JWT. */
    static final String BEARER = "bearer";
    /** {@code Authorization: Basic base64(token:secret)}: an APPLICATION or SUPERUSER ticket. */
    static final String TICKET = "ticket";
    /** {@code ?t=}: a USER token. */
    static final String QUERY_TOKEN = "queryToken";

    private OperationAccess() {
    }

    /**
     * The alternative security requirements, each a list of schemes presented together: {@code [[bearer],
     * [queryToken]]} is "bearer or queryToken", {@code []} is "no credential". Null for a declaration that is a
     * mistake (such a service does not start).
     */
    static List<List<String>> requirements(EndpointAccess access) {
        if (access instanceof Guarded guarded) {
            return switch (guarded.protection().audience()) {
                case USER_API -> List.of(List.of(BEARER), List.of(QUERY_TOKEN));
                case ADMIN_API, PLATFORM -> List.of(List.of(TICKET));
            };
        }
        return access instanceof InternalOnly ? List.of() : null;
    }

    /** Who may call, for the operation's description. */
    static String describe(EndpointAccess access) {
        if (access instanceof Guarded guarded) {
            Protected p = guarded.protection();
            String who = switch (p.audience()) {
                case USER_API -> "a USER principal: a USER token (Bearer or `?t=`) or an OpenID Connect JWT (Bearer)";
                case ADMIN_API -> "an APPLICATION or SUPERUSER ticket (HTTP Basic, `token:secret`)";
                case PLATFORM -> "a SUPERUSER ticket (HTTP Basic, `token:secret`)";
            };
            return "Caller: " + who + (p.api().length == 0 ? "." : ", granted API `" + p.api()[0] + "`.");
        }
        if (access instanceof InternalOnly internal) {
            return "No credential: " + internal.reason() + ".";
        }
        return "Not served: " + ((Mistake) access).problem() + ".";
    }

    static boolean guarded(EndpointAccess access) {
        return access instanceof Guarded;
    }
}
