package com.onecloud.authclient;

import jakarta.enterprise.context.RequestScoped;

import com.onecloud.access.Principal;
import com.onecloud.access.PrincipalKind;
import com.onecloud.access.Protected;
import com.onecloud.http.problem.NotFound;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/** The authenticated principal of the current request, set by the authentication filter before the endpoint runs. */
@RequestScoped
public class Caller {

    private Principal principal;
    private HttpServerRequest request;

    void authenticatedAs(Principal principal, HttpServerRequest request) {
        this.principal = principal;
        this.request = request;
    }

    public Principal principal() {
        if (principal == null) {
            throw new IllegalStateException("no authenticated caller: is the endpoint annotated with @Protected?");
        }
        return principal;
    }

    /**
     * The client's address as the request arrived: the connection's peer, or the client a trusted proxy names when
     * Quarkus' proxy support is configured ({@code quarkus.http.proxy.trusted-proxies}; a header sent by anyone else is
     * never believed); null if unknown. Read only when asked (an audited change): working it out, forwarded headers
     * included, was a tenth of the authentication filter's CPU on every request.
     */
    public String sourceAddress() {
        principal();
        SocketAddress remote = request.remoteAddress();
        return remote == null ? null : remote.hostAddress();
    }

    /** Contract §3 rule 5: a SUPERUSER sees every organization, anyone else only their own. */
    public boolean canSee(String organizationId) {
        Principal p = principal();
        return p.kind() == PrincipalKind.SUPERUSER || p.organizationId() != null
                && p.organizationId().equals(organizationId);
    }

    /** Rule 5 as a guard: another organization's resource reads as missing. */
    public void requireOrganization(String organizationId, String what) {
        if (!canSee(organizationId)) {
            throw new NotFound(what + " not found.");
        }
    }
}
