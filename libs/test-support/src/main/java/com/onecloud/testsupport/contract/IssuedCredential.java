package com.onecloud.testsupport.contract;

/** A credential a {@link CredentialIssuer} made for one case; {@code secret} is null for USER tokens. */
public record IssuedCredential(String token, String secret) {
}
