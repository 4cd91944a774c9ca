package com.onecloud.console.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The console's configuration ({@code onecloud.console.*}, or the environment: {@code ONECLOUD_CONSOLE_...}). */
@ConfigMapping(prefix = "onecloud.console")
public interface ConsoleConfig {

    /** Base URL of ticket-service's public API, without a trailing slash. */
    @WithDefault("http://localhost:8081")
    String ticketUrl();

    /** Base URL of resource-service's public API, without a trailing slash. */
    @WithDefault("http://localhost:8080")
    String resourceUrl();

    /** How long the console waits for an answer from ticket- or resource-service before it shows an error. */
    @WithDefault("10s")
    Duration apiTimeout();

    /** The session cookie's settings. */
    Session session();

    /** Sign-in through an OpenID Connect provider; Quarkus OIDC's own settings are {@code quarkus.oidc.*}. */
    Oidc oidc();

    interface Oidc {

        /**
         * Whether the sign-in page offers the provider (authorization code flow). Off unless configured: then Quarkus
         * OIDC's tenant is off too and nothing talks to a provider.
         */
        @WithDefault("false")
        boolean enabled();

        /** The provider's name on the sign-in page: "Sign in with …". */
        @WithDefault("your identity provider")
        String providerName();

        /**
         * The access token's claim that lists its APIs, as auth-service reads it
         * ({@code ONECLOUD_AUTH_OIDC_APIS_CLAIM}): My tickets offers these for a new token.
         */
        @WithDefault("onecloud_apis")
        String apisClaim();
    }

    interface Session {

        /**
         * The AES key that encrypts the session cookie (AES-GCM), Base64 of 16 or 32 random bytes: the same on every
         * replica, so that any replica reads any session. No default in production: the console does not start
         * without it (a Kubernetes Secret); dev, test and the local platform set their own.
         */
        Optional<String> key();

        /** Idle time after which a session is signed out: each request within it starts the time again. */
        @WithDefault("15m")
        Duration idleTimeout();

        /**
         * Whether the cookie carries {@code Secure} (sent over HTTPS only). True unless a local run over plain HTTP
         * switches it off.
         */
        @WithDefault("true")
        boolean secure();
    }
}
