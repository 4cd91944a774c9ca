package com.onecloud.access;

/** A named group of endpoints a ticket can be granted (contract §1). */
public enum Api {
    CONTACTS,
    USERS,
    TICKETS
}
