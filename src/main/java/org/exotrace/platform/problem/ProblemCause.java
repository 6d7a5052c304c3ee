package org.exotrace.platform.problem;

import org.exotrace.platform.error.DomainError;

/** Finds a {@link ProblemException} or {@link DomainError} that a transaction interceptor or EJB container wrapped. */
final class ProblemCause {

    private ProblemCause() {
    }

    static Throwable find(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof ProblemException || t instanceof DomainError) {
                return t;
            }
        }
        return e;
    }
}
