package org.exotrace.platform.problem;

import java.sql.SQLException;

/**
 * Recognises PostgreSQL refusing text a client sent (SQL state 22021, a NUL or a byte sequence that is not
 * UTF-8; 22P05, a character the database encoding lacks). The edge ({@code RequestGuard}) lets a NUL inside
 * a JSON string pass, since it is valid text and a scan answers it with a verdict; wherever it would be
 * stored or looked up it ends here, as a 400 with the transaction rolled back.
 */
final class UnstorableText {

    private UnstorableText() {
    }

    static boolean isCause(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 30; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
