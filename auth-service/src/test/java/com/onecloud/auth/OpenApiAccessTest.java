package com.onecloud.auth;

import com.onecloud.testsupport.OpenApiAccessContract;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiAccessTest extends OpenApiAccessContract {
}
