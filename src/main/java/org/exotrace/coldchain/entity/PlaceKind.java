package org.exotrace.coldchain.entity;

/** What keeps a storage place at its temperature. */
public enum PlaceKind {
    FREEZER, REFRIGERATOR, ROOM
}
