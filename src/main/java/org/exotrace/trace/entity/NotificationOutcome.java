package org.exotrace.trace.entity;

/** Whether the attempt reached the patient. */
public enum NotificationOutcome {
    REACHED, NOT_REACHED
}
