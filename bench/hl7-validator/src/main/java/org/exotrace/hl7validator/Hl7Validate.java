package org.exotrace.hl7validator;

import org.hl7.fhir.model.core.OperationOutcome;
import org.hl7.fhir.model.utilities.formats.FhirFormat;
import org.hl7.fhir.validation.ValidationEngine;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Validates FHIR R5 JSON files with HL7's validator, offline: the core package {@code hl7.fhir.r5.core#5.0.0} (and
 * {@code hl7.fhir.xver-extensions#0.1.0}, which the validator loads too) must be in the package cache under
 * {@code user.home}, as {@code run} puts them; no terminology server. Prints every issue; exits 1 if any is an error.
 * Arguments: files, or directories whose {@code *.json} files are read.
 */
public final class Hl7Validate {

    private Hl7Validate() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                try (Stream<Path> listed = Files.list(path)) {
                    listed.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        if (files.isEmpty()) {
            System.err.println("no FHIR JSON files given (run FhirIT first: it keeps its answers in target/it/fhir-samples)");
            System.exit(2);
        }
        long start = System.nanoTime();
        ValidationEngine engine = new ValidationEngine.ValidationEngineBuilder().withNoTerminologyServer()
                .withCanRunWithoutTerminologyServer(true).withVersion("5.0.0").fromSource("hl7.fhir.r5.core#5.0.0");
        System.out.printf("HL7 validator loaded hl7.fhir.r5.core 5.0.0 in %.1f s%n", (System.nanoTime() - start) / 1e9);
        int errors = 0;
        int warnings = 0;
        for (Path file : files) {
            OperationOutcome outcome;
            try (InputStream in = Files.newInputStream(file)) {
                outcome = engine.validate(FhirFormat.JSON, in, List.of());
            }
            for (var issue : outcome.getIssueList()) {
                String severity = issue.getSeverity() == null ? "?" : issue.getSeverity().toCode();
                if (severity.equals("error") || severity.equals("fatal")) {
                    errors++;
                } else if (severity.equals("warning")) {
                    warnings++;
                }
                if (!severity.equals("information")) {
                    System.out.println(file.getFileName() + ": " + severity + " " + issue.getDetails().getText() + " @ " + issue.getExpressionList());
                }
            }
        }
        System.out.printf("%d files, %d errors, %d warnings, in %.1f s%n", files.size(), errors, warnings, (System.nanoTime() - start) / 1e9);
        System.exit(errors == 0 ? 0 : 1);
    }
}
