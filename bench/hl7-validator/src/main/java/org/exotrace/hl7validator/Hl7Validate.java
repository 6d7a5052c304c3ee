package org.exotrace.hl7validator;

import org.hl7.fhir.model.utilities.formats.FhirFormat;
import org.hl7.fhir.services.validation.constants.ReferenceValidationPolicy;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.hl7.fhir.validation.ValidationEngine;
import org.hl7.fhir.validation.ValidatorUtils;
import org.hl7.fhir.validation.instance.InstanceValidator;
import org.hl7.fhir.validation.instance.advisor.BasePolicyAdvisorForFullValidation;
import org.hl7.fhir.validation.service.model.InstanceValidatorParameters;
import org.hl7.fhir.utilities.validation.ValidationMessage;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Validates FHIR R5 JSON files with HL7's validator, offline: the core package {@code hl7.fhir.r5.core#5.0.0} (and
 * {@code hl7.fhir.xver-extensions#0.1.0}, which the validator loads too) must be in the package cache under
 * {@code user.home}, and HL7 Terminology ({@code hl7.terminology.r5} 7.0.1) at {@code -Dhl7.terminology}, as {@code run}
 * puts them; no terminology server, references not followed. Prints every warning and error; exits 1 if any is an
 * error. Arguments: files, or directories whose {@code *.json} files are read.
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
        // HL7 Terminology (THO): the code systems at terminology.hl7.org that R5 binds to (medication-admin-location, ...);
        // alone, without its dependency hl7.fhir.uv.extensions.r5 5.2.0, which the npm registry does not serve
        Path tho = Path.of(System.getProperty("hl7.terminology", "target/hl7.terminology.r5-7.0.1.tgz"));
        try (InputStream in = Files.newInputStream(tho)) {
            engine.getContext().loadFromPackage(NpmPackage.fromPackage(in),
                    ValidatorUtils.loaderForVersion(engine.getContext().getModelContext(), "5.0.0"), true);
        }
        // the references name resources this server serves (BiologicallyDerivedProduct/{id}): REST references, assumed
        // valid (the CLI's -assumeValidRestReferences) and not followed: there is no server to fetch them from here
        InstanceValidatorParameters parameters = engine.getDefaultInstanceValidatorParameters();
        parameters.setAssumeValidRestReferences(true);
        InstanceValidator validator = engine.getValidator(FhirFormat.JSON, parameters);
        validator.setAssumeValidRestReferences(true);
        validator.setPolicyAdvisor(new BasePolicyAdvisorForFullValidation(ReferenceValidationPolicy.IGNORE, Set.of()));
        System.out.printf("HL7 validator loaded hl7.fhir.r5.core 5.0.0 and hl7.terminology.r5 7.0.1 in %.1f s%n",
                (System.nanoTime() - start) / 1e9);
        int errors = 0;
        int warnings = 0;
        for (Path file : files) {
            List<ValidationMessage> messages = new ArrayList<>();
            try (InputStream in = Files.newInputStream(file)) {
                validator.validate(null, messages, in, FhirFormat.JSON);
            }
            for (ValidationMessage message : messages) {
                String severity = message.getLevel().toCode();
                if (message.isError()) {
                    errors++;
                } else if (severity.equals("warning")) {
                    warnings++;
                }
                if (!severity.equals("information")) {
                    System.out.println(file.getFileName() + ": " + severity + " " + message.getMessage() + " @ " + message.getLocation());
                }
            }
        }
        System.out.printf("%d files, %d errors, %d warnings, in %.1f s%n", files.size(), errors, warnings, (System.nanoTime() - start) / 1e9);
        System.exit(errors == 0 ? 0 : 1);
    }
}
