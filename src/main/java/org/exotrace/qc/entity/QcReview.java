package org.exotrace.qc.entity;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.exotrace.catalog.entity.AssaySpec;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A lot's QC as it stands: the current result of each assay (the latest one not superseded by a
 * correction), the required assays with no result, and the ones that fail. A lot may be released
 * only when nothing is missing and nothing fails.
 */
public record QcReview(List<AssayResult> current, List<String> missing, List<String> failing) {

    public static QcReview of(Collection<AssaySpec> required, Collection<AssayResult> history) {
        Set<UUID> superseded = history.stream().flatMap(r -> r.supersedes().stream()).collect(Collectors.toSet());
        Map<String, AssayResult> current = new TreeMap<>();
        history.stream()
                .filter(r -> !superseded.contains(r.id()))
                .sorted(Comparator.comparing(AssayResult::enteredAt))
                .forEach(r -> current.put(r.assay(), r));
        List<String> missing = required.stream().map(AssaySpec::assay).filter(a -> !current.containsKey(a)).sorted().toList();
        List<String> failing = current.values().stream().filter(r -> !r.passed()).map(AssayResult::assay).toList();
        return new QcReview(List.copyOf(current.values()), missing, failing);
    }

    public boolean passed() {
        return missing.isEmpty() && failing.isEmpty();
    }

    /**
     * What a release signature signs: the current results in canonical JSON (sorted by assay, fixed
     * member order), so that equal results give equal text and an equal digest.
     */
    public String signedContent() {
        JsonArrayBuilder results = Json.createArrayBuilder();
        for (AssayResult r : current) {
            JsonObjectBuilder o = Json.createObjectBuilder()
                    .add("resultId", r.id().toString())
                    .add("assay", r.assay())
                    .add("reading", r.reading())
                    .add("specification", r.specification())
                    .add("judgement", r.judgement().name());
            r.method().ifPresent(m -> o.add("method", m));
            r.performedAt().ifPresent(p -> o.add("performedAt", p.toString()));
            r.performer().ifPresent(p -> o.add("performer", p));
            o.add("enteredBy", r.enteredBy()).add("enteredAt", r.enteredAt().toString());
            results.add(o);
        }
        return results.build().toString();
    }
}
