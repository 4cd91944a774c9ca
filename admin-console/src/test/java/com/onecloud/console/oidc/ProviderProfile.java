package com.onecloud.console.oidc;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The console with sign-in through the test provider on, in front of a stand-in for ticket-service. */
public class ProviderProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ProviderResource.class));
    }
}
