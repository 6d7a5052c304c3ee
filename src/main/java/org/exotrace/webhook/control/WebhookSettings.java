package org.exotrace.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** The webhook configuration, read once: where events go, the signing secret, the retry schedule and timeouts. */
@ApplicationScoped
public class WebhookSettings {

    private static final Logger LOG = Logger.getLogger(WebhookSettings.class.getName());

    @Inject
    @ConfigProperty(name = "exotrace.webhook.urls")
    Optional<String> urls;

    @Inject
    @ConfigProperty(name = "exotrace.webhook.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "exotrace.webhook.max-attempts", defaultValue = "50")
    int maxAttempts;

    @Inject
    Config config;

    /** The receivers: absolute http(s) URLs; an entry that is not one is logged and left out. Empty: webhooks are off. */
    public List<URI> urls() {
        List<URI> valid = new ArrayList<>();
        for (String entry : urls.orElse("").split(",")) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                URI uri = URI.create(text);
                if ((!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException("not an absolute http or https URL");
                }
                valid.add(uri);
            } catch (IllegalArgumentException e) {
                LOG.severe(() -> "exotrace.webhook.urls: '" + text + "' is left out: " + e.getMessage());
            }
        }
        return valid;
    }

    public Optional<String> secret() {
        return secret.filter(s -> !s.isBlank());
    }

    public RetrySchedule schedule() {
        return new RetrySchedule(duration("initial-delay", "PT10S"), duration("max-delay", "PT1H"), maxAttempts);
    }

    public Duration pollInterval() {
        return duration("poll-interval", "PT5S");
    }

    public Duration connectTimeout() {
        return duration("connect-timeout", "PT5S");
    }

    public Duration requestTimeout() {
        return duration("request-timeout", "PT10S");
    }

    /** {@code exotrace.webhook.<key>} as an ISO-8601 duration ({@code PT10S}). */
    private Duration duration(String key, String fallback) {
        return Duration.parse(config.getOptionalValue("exotrace.webhook." + key, String.class).orElse(fallback));
    }
}
