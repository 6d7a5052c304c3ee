package org.exotrace.bedside.control;

import org.exotrace.bedside.entity.DoseCorrection;

import java.util.List;
import java.util.UUID;

/**
 * A dose was corrected, in the correcting transaction: the lots whose doses changed (the corrected dose's and its
 * replacement's), and whether one of them is recalled (its recall's patient list changed).
 */
public record DoseCorrected(UUID correctionId, UUID correctedId, DoseCorrection.Action action, List<UUID> lots, boolean recalledLot) {
}
