package com.onecloud.auth.oidc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import com.onecloud.testsupport.oidc.Jwks;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenID Connect provider's key endpoint for tests: serves the test signing key as a JWK Set at {@link #PATH}, on
 * a local port, once per test JVM. {@link #unreachableUrl()} names a port where nothing listens.
 */
final class JwksProvider {

    static final String PATH = "/protocol/openid-connect/certs";
    /** The {@code kid} of the test signing key in the key set. */
    static final String KEY_ID = "test-signing-key";

    private static HttpServer server;

    private JwksProvider() {
    }

    static synchronized String url() {
        if (server == null) {
            byte[] jwks = jwkSet().getBytes(StandardCharsets.UTF_8);
            try {
                server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext(PATH, exchange -> {
                try (exchange) {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, jwks.length);
                    exchange.getResponseBody().write(jwks);
                }
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "jwks-provider-stop"));
        }
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** A URL on a port that was free a moment ago: connections to it are refused. */
    static String unreachableUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://localhost:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jwkSet() {
        try {
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(TestKeys.base64Der("oidc/test-signing-key.pub.pem"))));
            return Jwks.of(key, KEY_ID);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
