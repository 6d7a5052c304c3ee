package org.exotrace.platform.problem;

import org.exotrace.platform.error.DomainError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DomainErrorMapperTest {

    private static Problem problem(DomainError e) {
        return Problems.problem(e, "r-1");
    }

    @Test
    void eachKindOfRefusalHasTheStatusAndTitleTheApiAnsweredBefore() {
        assertEquals(404, problem(DomainError.notFound("lot", "L1")).status());
        assertEquals("Not found", problem(DomainError.notFound("lot", "L1")).title());
        assertEquals(409, problem(DomainError.conflict("LOT_EXISTS", "taken")).status());
        assertEquals("Conflict with the current state", problem(DomainError.conflict("LOT_EXISTS", "taken")).title());
        assertEquals(422, problem(DomainError.invalid("serials", "twice")).status());
        assertEquals("The request breaks a rule", problem(DomainError.invalid("serials", "twice")).title());
        assertEquals(403, problem(DomainError.forbidden("SIGNER_IS_ADMIN", "no")).status());
        assertEquals("Forbidden", problem(DomainError.forbidden("SIGNER_IS_ADMIN", "no")).title());
        assertEquals(429, problem(DomainError.lockedOut("SIGN_IN_LOCKED", "later")).status());
        assertEquals("Too many failed sign-ins", problem(DomainError.lockedOut("SIGN_IN_LOCKED", "later")).title());
    }

    @Test
    void anInvalidFieldIsNamedInTheDetailAndTheErrors() {
        Problem p = problem(DomainError.invalid("UNIT_MISMATCH", "row 3 unit", "not 'EU/ml'"));
        assertEquals("UNIT_MISMATCH", p.code());
        assertEquals("urn:exotrace:problem:unit-mismatch", p.type());
        assertEquals("row 3 unit: not 'EU/ml'", p.detail());
        assertEquals(List.of(new Problem.FieldError("row 3 unit", "not 'EU/ml'")), p.errors());
        assertNull(p.reasons());
    }

    @Test
    void aRefusalWithATitleOfItsOwnKeepsItsKindsStatus() {
        Problem p = problem(DomainError.blocked("VIAL_BLOCKED", "The vial may not be given", "vial S1 may not be given", List.of("EXPIRED")));
        assertEquals(409, p.status());
        assertEquals("The vial may not be given", p.title());
        assertEquals(List.of("EXPIRED"), p.reasons());
        assertNull(p.errors());
        assertEquals("QUARANTINED", problem(DomainError.wrongState("LOT_STATUS_CONFLICT", "no", "QUARANTINED")).currentState());
        assertEquals(List.of("STERILITY"), problem(DomainError.assays("QC_INCOMPLETE", "no", List.of("STERILITY"))).assays());
    }

    @Test
    void aLongKeyIsShownCutShort() {
        assertEquals("lot '" + "x".repeat(64) + "...' does not exist", DomainError.notFound("lot", "x".repeat(100)).getMessage());
    }
}
