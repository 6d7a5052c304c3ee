package org.exotrace.launcher;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * Payara Micro 6.2025.10 sometimes booted "ready" with an HTTP listener that served nothing (its log said
 * {@code GrizzlyProxy is NULL}) when the listener's settings were changed after boot; they are now set before boot
 * ({@code payara-config/pre-boot-commands.asadmin}), and this check stays as a guard. Such a process would run forever
 * and answer nobody. After the boot the launcher asks its own {@code /health/live}; a process that gets no answer exits
 * non-zero, and whatever supervises it (systemd's {@code Restart=on-failure}, an orchestrator) starts it again.
 */
final class ListenerCheck {

    private static final int TRIES = 5;
    private static final int TIMEOUT_MILLIS = 3_000;

    private ListenerCheck() {
    }

    /** Whether {@code http://127.0.0.1:port/health/live} answers anything at all within a few tries. */
    static boolean answers(int port) {
        for (int i = 0; i < TRIES; i++) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health/live").toURL().openConnection();
                c.setConnectTimeout(TIMEOUT_MILLIS);
                c.setReadTimeout(TIMEOUT_MILLIS);
                try {
                    c.getResponseCode();
                    return true;
                } finally {
                    c.disconnect();
                }
            } catch (IOException noAnswer) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true; // stopping anyway: do not claim the listener is deaf
                }
            }
        }
        return false;
    }
}
