package com.onecloud.ticket;

import com.onecloud.testsupport.OpenApiAccessContract;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiAccessTest extends OpenApiAccessContract {
}
