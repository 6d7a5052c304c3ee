package org.exotrace.qc.entity;

import org.exotrace.platform.error.DomainError;

import java.util.List;

/**
 * Whether a new release signature releases the lot. With one signer (the default) it does. With
 * four eyes ({@code exotrace.release.second-signer=true}) it takes two signatures by different QA
 * users over the same results: a signature made before the results changed no longer counts.
 */
public final class ReleasePolicy {

    public enum Step { RELEASE, AWAIT_SECOND_SIGNATURE }

    private ReleasePolicy() {
    }

    /**
     * @param earlier the lot's signatures so far
     * @throws DomainError {@code SECOND_SIGNER_REQUIRED} when the signer already signed these results
     */
    public static Step next(boolean secondSignerRequired, List<ReleaseSignature> earlier, QcReview review, String signer) {
        if (!secondSignerRequired) {
            return Step.RELEASE;
        }
        List<ReleaseSignature> standing = earlier.stream().filter(s -> s.covers(review)).toList();
        if (standing.stream().anyMatch(s -> s.signer().equals(signer))) {
            throw DomainError.conflict("SECOND_SIGNER_REQUIRED",
                    signer + " already signed these results: a different QA user must co-sign the release");
        }
        return standing.isEmpty() ? Step.AWAIT_SECOND_SIGNATURE : Step.RELEASE;
    }
}
