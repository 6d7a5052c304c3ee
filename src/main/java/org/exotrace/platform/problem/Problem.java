package org.exotrace.platform.problem;

import java.util.List;

/**
 * An RFC 9457 problem detail, written as {@code application/problem+json}. {@code code} is the stable,
 * machine-readable reason word that integrations switch on; {@code errors} names offending fields; {@code reasons} are
 * blocking reason words; {@code currentState} names the state that forbids a transition; {@code assays}
 * names the QC assays behind a refused release.
 */
public record Problem(String type, String title, int status, String detail, String code, String requestId,
                      List<FieldError> errors, List<String> reasons, String currentState, List<String> assays) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    public static String typeFor(String code) {
        return "urn:exotrace:problem:" + code.toLowerCase().replace('_', '-');
    }
}
