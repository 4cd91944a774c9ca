package com.onecloud.console.oidc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the console reads from a provider's access token (a JWT): its end and its APIs. The console does not verify
 * the signature: it got the token straight from the provider's token endpoint, and it decides nothing with it; every
 * API verifies the token on every request (auth-service), so a forged claim here would only mislabel a page.
 *
 * @param expiresAt the {@code exp} claim, epoch seconds
 * @param apis the names in the APIs claim (a JSON array, or one string of names separated by spaces or commas),
 *        upper case as auth-service reads them
 */
public record AccessToken(long expiresAt, List<String> apis) {

    /**
     * The longest access token the console keeps: its sealed session cookie, with the token, a message and a token
     * just issued, must stay within the 4 KB browsers allow a cookie ({@code SessionCodecTest} checks the sum).
     */
    public static final int MAX_LENGTH = 2048;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The token's claims, or empty if it is no JWT with a numeric {@code exp}. */
    public static Optional<AccessToken> parse(String jwt, String apisClaim) {
        if (jwt == null) {
            return Optional.empty();
        }
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode exp = claims.path("exp");
            if (!exp.isIntegralNumber() || !exp.canConvertToLong()) {
                return Optional.empty();
            }
            return Optional.of(new AccessToken(exp.asLong(), apis(claims.path(apisClaim))));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private static List<String> apis(JsonNode claim) {
        List<String> names = new ArrayList<>();
        if (claim.isArray()) {
            claim.forEach(value -> {
                if (value.isTextual() && !value.asText().isBlank()) {
                    names.add(value.asText().trim().toUpperCase(Locale.ROOT));
                }
            });
        } else if (claim.isTextual()) {
            for (String name : claim.asText().split("[\\s,]+")) {
                if (!name.isBlank()) {
                    names.add(name.toUpperCase(Locale.ROOT));
                }
            }
        }
        return names;
    }
}
