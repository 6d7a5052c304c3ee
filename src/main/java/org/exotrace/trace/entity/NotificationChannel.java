package org.exotrace.trace.entity;

/** How the clinic tried to reach a patient about a recall. */
public enum NotificationChannel {
    PHONE, EMAIL, LETTER, SMS, IN_PERSON
}
