package com.onecloud.auth.cache;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A 2-second cache TTL, so that the TTL bound can be observed quickly. */
public class ShortTtlProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("onecloud.auth.cache.ttl", "2s");
    }
}
