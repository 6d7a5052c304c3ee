package org.exotrace.platform.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;

/** Recognises a request body that is not the JSON a resource expects (malformed, wrong types, unknown enum words). */
final class JsonProblems {

    private JsonProblems() {
    }

    static boolean isUnreadableBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException
                    || t.getClass().getName().startsWith("jakarta.json.stream.JsonParsingException")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static Response malformed(String requestId) {
        return Problems.response(400, "MALFORMED_JSON", "The body is not the JSON expected",
                "The body could not be read: check that it is well-formed JSON with fields of the documented types and words",
                requestId);
    }
}
