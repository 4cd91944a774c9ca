package com.onecloud.ticket;

import com.onecloud.testsupport.ServiceEdgeContract;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The edge contract against the packaged application (and the native executable, built with -Dnative elsewhere). */
@QuarkusIntegrationTest
class ServiceEdgeIT extends ServiceEdgeContract {

    ServiceEdgeIT() {
        super("ticket-service");
    }
}
