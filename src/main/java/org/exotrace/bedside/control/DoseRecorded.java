package org.exotrace.bedside.control;

import org.exotrace.bedside.entity.DoseKind;

/** Fired when a dose is recorded (not when a retry replays it); observers that count it wait for the commit. */
public record DoseRecorded(DoseKind kind, int vials) {
}
