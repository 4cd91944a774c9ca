package com.onecloud.testsupport.contract;

public enum CredentialState {
    ACTIVE,
    REVOKED,
    EXPIRED
}
