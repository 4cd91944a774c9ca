package com.onecloud.access;

public enum PrincipalKind {
    USER,
    APPLICATION,
    SUPERUSER
}
