package com.onecloud.auth.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Calls the real decision endpoint over HTTP. */
public final class Decisions {

    public static final String PATH = "/api/internal/v1/decisions";

    private Decisions() {
    }

    public static ValidatableResponse decide(String authorization, String queryToken, Audience audience, Api api) {
        return decide(authorization, queryToken, audience, api, false);
    }

    /** A request whose answer must rest on the credential store, as a caller out of touch with the broker asks. */
    public static ValidatableResponse decideFresh(String authorization, Audience audience, Api api) {
        return decide(authorization, null, audience, api, true);
    }

    private static ValidatableResponse decide(String authorization, String queryToken, Audience audience, Api api,
            boolean fresh) {
        Map<String, Object> body = new HashMap<>();
        body.put("fresh", fresh);
        body.put("authorization", authorization);
        body.put("queryToken", queryToken);
        body.put("audience", audience);
        body.put("api", api);
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).body(body).post(PATH).then();
    }

    public static ValidatableResponse decide(String authorization, Audience audience, Api api) {
        return decide(authorization, null, audience, api);
    }

    /** Just the outcome, for polling. */
    public static String outcome(String authorization, Audience audience, Api api) {
        return decide(authorization, audience, api).statusCode(200).extract().path("outcome");
    }
}
