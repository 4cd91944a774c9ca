package com.onecloud.resource;

import com.onecloud.testsupport.OpenApiAccessContract;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiAccessTest extends OpenApiAccessContract {
}
