package org.exotrace.platform.boundary;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request body that must be present. Used instead of {@code @NotNull} on body parameters because
 * Payara 6.2025.10's OpenAPI generator fails on standard constraints on any method or constructor
 * parameter without {@code @PathParam} (payara/Payara#7649, fixed after that release). For the same
 * reason request bodies are small classes with constrained public fields rather than records, whose
 * component annotations would also land on the canonical constructor's parameters.
 */
@NotNull
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Target({ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface Required {
    String message() default "a JSON body is required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
