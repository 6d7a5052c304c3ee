package org.exotrace.report.boundary;

import org.exotrace.platform.boundary.Csv;
import org.exotrace.report.control.RegulatoryExport;

/**
 * The regulatory export as RFC 4180 CSV: a header row, then one row per dose that stands, by product and route; a dose
 * that replaced one recorded in error names it ({@code corrects}) and counts the corrections before it.
 */
final class RegulatoryCsv {

    static final String[] HEADER = {"administrationId", "kind", "administeredAt", "patientId", "productCode", "productName", "lotNumbers",
            "cpcCodes", "vials", "route", "site", "siteDetail", "volumeMl", "particles", "purpose", "indication", "physician", "consentRef",
            "provisionPlanNumber", "nurse", "scanned", "corrects", "corrections"};

    private RegulatoryCsv() {
    }

    static String of(RegulatoryExport export) {
        Csv csv = new Csv().row((Object[]) HEADER);
        for (RegulatoryExport.Dose d : export.doses()) {
            csv.row(d.administrationId(), d.kind(), d.administeredAt(), d.patientId(), d.productCode(), d.productName(), d.lotNumbers(),
                    d.cpcCodes(), d.vials(), d.route(), d.site(), d.siteDetail(), d.volumeMl().toPlainString(), d.particles(), d.purpose(),
                    d.indication(), d.physician(), d.consentRef(), d.provisionPlanNumber(), d.nurse(), d.scanned(),
                    d.corrects(), d.corrections());
        }
        return csv.toString();
    }

    /** {@code regulatory-export-2026.csv} for a calendar year, else {@code regulatory-export-2026-01-01_2026-03-31.csv}. */
    static String filename(RegulatoryExport export) {
        var p = export.period();
        boolean year = p.from().getDayOfYear() == 1 && p.to().equals(p.from().withDayOfYear(p.from().lengthOfYear()));
        return "regulatory-export-" + (year ? String.valueOf(p.from().getYear()) : p.from() + "_" + p.to()) + ".csv";
    }
}
