package org.exotrace.fhir.boundary;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.exotrace.fhir.control.FhirResources;
import org.exotrace.platform.problem.ProblemException;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** What the FHIR resources share: the media type, the search parameters' checks, paging and the answer. */
final class Fhir {

    static final String MEDIA_TYPE = "application/fhir+json";
    static final String ANSWER_TYPE = MEDIA_TYPE + ";charset=UTF-8";
    static final int DEFAULT_COUNT = 100;
    static final int MAX_COUNT = 1_000;
    static final String COUNT = "_count";
    static final String OFFSET = "_offset";
    static final String FORMAT = "_format";
    /** Parameters every search takes besides its own ({@code _format}: {@link FhirFormat} has checked it). */
    static final Set<String> PAGING = Set.of(COUNT, OFFSET, FORMAT);

    private Fhir() {
    }

    static Response ok(JsonObject resource) {
        return Response.ok(resource.toString(), ANSWER_TYPE).build();
    }

    /** A logical id of ours is a UUID; anything else names nothing (404, as FHIR asks of an unknown id). */
    static UUID id(String type, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(type, id);
        }
    }

    static ProblemException notFound(String type, String id) {
        return ProblemException.notFound(type, id);
    }

    /** 400 for a search FHIR cannot answer: an unknown parameter, a repeated one, a value out of range. */
    static ProblemException badSearch(String detail) {
        return new ProblemException(400, "VALIDATION_FAILED", "The search is not valid", detail);
    }

    /** The search's parameters, each at most once, none but {@code known} (strict handling: FHIR clients expect to hear). */
    static MultivaluedMap<String, String> parameters(UriInfo uri, Set<String> known) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        for (var p : query.entrySet()) {
            if (!known.contains(p.getKey()) && !PAGING.contains(p.getKey())) {
                throw badSearch("unknown search parameter '" + p.getKey() + "'; this server takes " + String.join(", ", known.stream().sorted()
                        .toList()) + ", " + COUNT + " and " + OFFSET);
            }
            if (p.getValue().size() > 1) {
                throw badSearch("search parameter '" + p.getKey() + "' given more than once");
            }
            if (p.getValue().get(0).isEmpty()) {
                throw badSearch("search parameter '" + p.getKey() + "' has no value");
            }
        }
        return query;
    }

    /** A token parameter's value: {@code code} or {@code system|code}; empty when it names another system (no match). */
    static java.util.Optional<String> token(String value, String system) {
        int bar = value.indexOf('|');
        if (bar < 0) {
            return java.util.Optional.of(value);
        }
        String given = value.substring(0, bar);
        return given.isEmpty() || given.equals(system) ? java.util.Optional.of(value.substring(bar + 1)) : java.util.Optional.empty();
    }

    /** A patient parameter's id: {@code ID}, {@code Patient/ID} or {@code system|ID}; empty when it names another system. */
    static java.util.Optional<String> patientId(String value, String system) {
        return token(value.startsWith("Patient/") ? value.substring("Patient/".length()) : value, system);
    }

    static int count(String value) {
        return (int) number(COUNT, value, DEFAULT_COUNT, MAX_COUNT);
    }

    static long offset(String value) {
        return number(OFFSET, value, 0, Integer.MAX_VALUE);
    }

    private static long number(String name, String value, long absent, long max) {
        if (value == null) {
            return absent;
        }
        try {
            long n = Long.parseLong(value);
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw badSearch(name + " is a whole number from 0 to " + max);
    }

    /** The Bundle of one page, with a {@code next} link while rows follow it. */
    static <T> Response searchset(UriInfo uri, String type, long total, int count, long offset, List<T> rows, Function<T, JsonObject> resource) {
        String next = offset + count < total && count > 0
                ? uri.getRequestUriBuilder().replaceQueryParam(OFFSET, offset + count).replaceQueryParam(COUNT, count).build().toString()
                : null;
        return ok(FhirResources.searchset(total, uri.getRequestUri().toString(), next, uri.getBaseUri().toString(), type,
                rows.stream().map(resource).toList()));
    }
}
