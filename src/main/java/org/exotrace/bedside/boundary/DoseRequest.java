package org.exotrace.bedside.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.exotrace.bedside.control.Dosing;
import org.exotrace.bedside.entity.Administration;
import org.exotrace.bedside.entity.InjectionSite;
import org.exotrace.bedside.entity.Purpose;
import org.exotrace.catalog.entity.Route;
import org.exotrace.platform.boundary.Instants;
import org.exotrace.platform.boundary.Patterns;
import org.exotrace.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code POST /api/administrations} and {@code /api/dispenses}: one vial ({@code barcode}
 * scanned, or {@code vialId} chosen by hand) or several ({@code vials}), the patient and the dose.
 */
public class DoseRequest {

    static final String PATIENT_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final int MAX_VIALS = 10;

    public static class VialPick {
        @Size(min = 1, max = 4096)
        public String barcode;
        @Pattern(regexp = Patterns.UUID, message = "a vialId")
        public String vialId;
    }

    @Size(min = 1, max = 4096)
    public String barcode;
    @Pattern(regexp = Patterns.UUID, message = "a vialId")
    public String vialId;
    @Size(min = 1, max = MAX_VIALS)
    public List<@NotNull @Valid VialPick> vials;
    @NotNull
    @Pattern(regexp = PATIENT_ID, message = "1-64 letters, digits, '.', '_' or '-'")
    public String patientId;
    @NotNull
    public Route route;
    public InjectionSite site;
    @Size(min = 1, max = 100)
    public String siteDetail;
    @DecimalMin(value = "0.001")
    @DecimalMax(value = "1000")
    @Digits(integer = 4, fraction = 3)
    public BigDecimal volumeMl;
    @NotNull
    public Purpose purpose;
    @Size(min = 1, max = 200)
    public String indication;
    @Size(min = 1, max = 64)
    public String sessionRef;
    @Size(min = 1, max = 100)
    public String physician;
    @Size(min = 1, max = 64)
    public String consentRef;
    @Size(min = 1, max = 64)
    public String provisionPlanNumber;
    @Size(max = 40)
    public String administeredAt;
    @Size(min = 1, max = 500)
    public String lateEntryReason;

    /** The vials a replacement names: none means the corrected dose's own. */
    List<Dosing.VialRef> vialRefsIfAny() {
        return barcode == null && vialId == null && vials == null ? List.of() : vialRefs();
    }

    List<Dosing.VialRef> vialRefs() {
        int given = (barcode != null ? 1 : 0) + (vialId != null ? 1 : 0) + (vials != null ? 1 : 0);
        if (given != 1) {
            throw ProblemException.invalid("barcode", "name the vial by exactly one of barcode (scanned), vialId (chosen by hand) or vials (several)");
        }
        if (vials == null) {
            return List.of(new Dosing.VialRef(barcode, vialId == null ? null : UUID.fromString(vialId)));
        }
        for (int i = 0; i < vials.size(); i++) {
            if ((vials.get(i).barcode == null) == (vials.get(i).vialId == null)) {
                throw ProblemException.invalid("vials[" + i + "]", "give either barcode or vialId");
            }
        }
        return vials.stream().map(v -> new Dosing.VialRef(v.barcode, v.vialId == null ? null : UUID.fromString(v.vialId))).toList();
    }

    Administration.Details details(boolean dispensing) {
        if (!dispensing && volumeMl == null) {
            throw ProblemException.invalid("volumeMl", "give the volume administered in ml");
        }
        Instant at = Instants.parse("administeredAt", administeredAt);
        return new Administration.Details(patientId, route, site, siteDetail, volumeMl, purpose, indication, sessionRef, physician,
                consentRef, provisionPlanNumber, at, lateEntryReason);
    }
}
