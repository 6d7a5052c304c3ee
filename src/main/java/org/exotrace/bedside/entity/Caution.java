package org.exotrace.bedside.entity;

/** What the nurse should know about a vial that may be given. Never blocking. */
public enum Caution {
    EXPIRES_SOON, NOT_FIRST_EXPIRY
}
