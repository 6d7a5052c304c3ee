package org.exotrace.security.entity;

/** The clinic's roles. INTEGRATION is read-only access for the EMR, billing and monitoring. */
public enum Role {
    NURSE, INVENTORY, QA, INTEGRATION, ADMIN;

    public static final String NURSE_NAME = "NURSE";
    public static final String INVENTORY_NAME = "INVENTORY";
    public static final String QA_NAME = "QA";
    public static final String INTEGRATION_NAME = "INTEGRATION";
    public static final String ADMIN_NAME = "ADMIN";
}
