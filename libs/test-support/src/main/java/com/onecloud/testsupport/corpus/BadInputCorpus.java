package com.onecloud.testsupport.corpus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

/**
 * A service's bad-input corpus: the cases written for it and those derived from its OpenAPI document
 * ({@link OpenApiCases}), run as one dynamic test each against the running service. A service's corpus test builds
 * one in a {@code @TestFactory} and returns {@link #tests()}.
 */
public final class BadInputCorpus {

    private final String service;
    private final RawHttp http;
    private final List<Case> cases = new ArrayList<>();

    /** @param service the name the service gives in its {@code Warning: 703} headers */
    public BadInputCorpus(String service, RawHttp http) {
        this.service = service;
        this.http = http;
    }

    public BadInputCorpus add(Case... more) {
        cases.addAll(List.of(more));
        return this;
    }

    public BadInputCorpus addAll(Collection<Case> more) {
        cases.addAll(more);
        return this;
    }

    public int size() {
        return cases.size();
    }

    public long derivedFromOpenApi() {
        return cases.stream().filter(c -> c.origin() == Case.Origin.OPENAPI).count();
    }

    public Stream<DynamicTest> tests() {
        System.out.printf("%s bad-input corpus: %d cases, %d of them derived from its OpenAPI document%n", service,
                size(), derivedFromOpenApi());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> c.run(http, service)));
    }
}
