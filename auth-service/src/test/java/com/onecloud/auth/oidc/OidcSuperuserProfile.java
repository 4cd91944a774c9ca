package com.onecloud.auth.oidc;

import java.util.HashMap;
import java.util.Map;

/** As {@link OidcProfile}, with the provider trusted to make superusers. */
public class OidcSuperuserProfile extends OidcProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("onecloud.auth.oidc.superuser-allowed", "true");
        return overrides;
    }
}
