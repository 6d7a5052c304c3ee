package org.exotrace.coldchain.entity;

/** What QA decided for the vials an excursion held: back to use, or wasted as {@code TEMPERATURE_EXCURSION}. */
public enum Disposition {
    RELEASE, WASTE
}
