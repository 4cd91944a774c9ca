package com.onecloud.edge.auth;

public enum PrincipalKind {
    USER,
    APPLICATION,
    SUPERUSER
}
