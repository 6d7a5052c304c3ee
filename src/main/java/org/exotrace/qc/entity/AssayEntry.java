package org.exotrace.qc.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * One assay result as QA typed it or a certificate row gave it, before it is judged. {@code supersedes}
 * names the result it corrects, and {@code reason} says why; {@code where} is put before the fields a refusal names
 * ({@code "row 3 "} for a certificate's row, empty for a single result).
 */
public record AssayEntry(String assay, Reading reading, String method, Instant performedAt, String performer,
                         UUID supersedes, String reason, String where) {

    public AssayEntry {
        where = where == null ? "" : where;
    }

    /** An entry that stands alone (not a row of a certificate). */
    public AssayEntry(String assay, Reading reading, String method, Instant performedAt, String performer, UUID supersedes, String reason) {
        this(assay, reading, method, performedAt, performer, supersedes, reason, "");
    }
}
