package com.onecloud.auth;

import com.onecloud.testsupport.ServiceEdgeContract;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceEdgeTest extends ServiceEdgeContract {

    ServiceEdgeTest() {
        super("auth-service");
    }
}
