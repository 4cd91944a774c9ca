package com.onecloud.authclient;

import jakarta.enterprise.context.RequestScoped;

import com.onecloud.access.Principal;
import com.onecloud.access.PrincipalKind;
import com.onecloud.access.Protected;
import com.onecloud.http.problem.NotFound;

/** The authenticated principal of the current request, set by the authentication filter before the endpoint runs. */
@RequestScoped
public class Caller {

    private Principal principal;

    void authenticatedAs(Principal principal) {
        this.principal = principal;
    }

    public Principal principal() {
        if (principal == null) {
            throw new IllegalStateException("no authenticated caller: is the endpoint annotated with @Protected?");
        }
        return principal;
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
