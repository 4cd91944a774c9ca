package com.onecloud.ticket;

import com.onecloud.testsupport.ServiceEdgeContract;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceEdgeTest extends ServiceEdgeContract {

    ServiceEdgeTest() {
        super("ticket-service");
    }
}
