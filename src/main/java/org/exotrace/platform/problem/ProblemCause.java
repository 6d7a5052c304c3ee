package org.exotrace.platform.problem;

/** Finds a {@link ProblemException} that a transaction interceptor or EJB container wrapped. */
final class ProblemCause {

    private ProblemCause() {
    }

    static Throwable find(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof ProblemException) {
                return t;
            }
        }
        return e;
    }
}
