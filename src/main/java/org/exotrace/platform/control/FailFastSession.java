package org.exotrace.platform.control;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read that failed for want of the database outside a transaction three times, 5 s apart: with
 * PostgreSQL gone a request waited 10 s for its 503 (the token's user lookup was such a read; it is plain JDBC now,
 * ADR 0019). Here it is tried once more at once, on a fresh connection from the pool (which validates it), so a
 * connection broken by a database restart still heals in the same request, and an outage is answered 503
 * {@code DATABASE_UNAVAILABLE} within the pool's limits.
 *
 * <p>EclipseLink calls this when the WAR deploys, just before it logs in: the first connection the application makes,
 * so it first waits for an embedded PostgreSQL the launcher is still starting ({@link EmbeddedDatabase}).
 */
public class FailFastSession implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        EmbeddedDatabase.awaitStarted();
        DatabaseLogin login = session.getLogin();
        login.setQueryRetryAttemptCount(1);
        login.setDelayBetweenConnectionAttempts(0);
    }
}
