package org.exotrace.qc.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * One assay result as QA typed it or a certificate row gave it, before it is judged. {@code supersedes}
 * names the result it corrects, and {@code reason} says why.
 */
public record AssayEntry(String assay, Reading reading, String method, Instant performedAt, String performer,
                         UUID supersedes, String reason) {
}
