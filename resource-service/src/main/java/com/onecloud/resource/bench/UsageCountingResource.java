package com.onecloud.resource.bench;

import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import com.onecloud.access.Internal;
import com.onecloud.usage.UsageReporter;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * BENCHMARK ONLY (tools/benchmarks, usage phase): switches this process's usage counting on or off without a restart,
 * so that counting's cost is measured in one warm JVM. Exists only in the build with the build profile {@code bench},
 * as {@link UnauthenticatedContactResource} does.
 */
@Internal("exists only in the benchmark build, to measure what usage counting costs")
@IfBuildProfile("bench")
@Path("/bench/usage-counting")
public class UsageCountingResource {

    private final UsageReporter usage;

    UsageCountingResource(UsageReporter usage) {
        this.usage = usage;
    }

    @PUT
    public void count(@QueryParam("on") boolean on) {
        usage.count(on);
    }
}
