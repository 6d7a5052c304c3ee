package org.exotrace.report.boundary;

import org.exotrace.bedside.entity.DoseKind;
import org.exotrace.bedside.entity.InjectionSite;
import org.exotrace.bedside.entity.Purpose;
import org.exotrace.catalog.entity.Route;
import org.exotrace.report.control.RegulatoryExport;
import org.exotrace.report.control.ReportPeriod;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RegulatoryCsvTest {

    static final UUID ID = UUID.fromString("0b5f3c1e-8d2a-4c59-9a57-1f0e6a3b2c4d");

    static RegulatoryExport export(ReportPeriod period, RegulatoryExport.Dose... doses) {
        return RegulatoryExport.of(period, ZoneId.of("Asia/Tokyo"), List.of(doses));
    }

    static RegulatoryExport.Dose dose(Route route, InjectionSite site, String volume, String indication, boolean scanned) {
        return new RegulatoryExport.Dose(ID, DoseKind.ADMINISTERED, Instant.parse("2026-11-25T01:30:00Z"), "P-1001", "MAXNFC-2", "max NFC 2cc",
                "NFC2611A", "CPC-TOKYO-1", 1, route, site, null, new BigDecimal(volume), 585_000_000_000L, Purpose.THERAPY, indication,
                "Dr. Sato", "C-77", "PB3-123", "nurse1", scanned, null, 0);
    }

    @Test
    void aHeaderRowThenOneRowPerDoseWithCrLf() {
        String csv = RegulatoryCsv.of(export(ReportPeriod.year(2026), dose(Route.IV_DRIP, null, "1.500", "fatigue", true)));
        assertEquals("administrationId,kind,administeredAt,patientId,productCode,productName,lotNumbers,cpcCodes,vials,route,site,siteDetail,"
                + "volumeMl,particles,purpose,indication,physician,consentRef,provisionPlanNumber,nurse,scanned,corrects,corrections\r\n"
                + ID + ",ADMINISTERED,2026-11-25T01:30:00Z,P-1001,MAXNFC-2,max NFC 2cc,NFC2611A,CPC-TOKYO-1,1,IV_DRIP,,,1.500,585000000000,"
                + "THERAPY,fatigue,Dr. Sato,C-77,PB3-123,nurse1,true,,0\r\n", csv);
    }

    @Test
    void textWithCommasQuotesLineBreaksOrAFormulaIsQuoted() {
        String csv = RegulatoryCsv.of(export(ReportPeriod.year(2026),
                dose(Route.INJECTION, InjectionSite.JOINT, "1.000", "knee pain, \"left\"\nafter fall", false)));
        String row = csv.split("\r\n", 2)[1];
        assertEquals(ID + ",ADMINISTERED,2026-11-25T01:30:00Z,P-1001,MAXNFC-2,max NFC 2cc,NFC2611A,CPC-TOKYO-1,1,INJECTION,JOINT,,1.000,"
                + "585000000000,THERAPY,\"knee pain, \"\"left\"\"\nafter fall\",Dr. Sato,C-77,PB3-123,nurse1,false,,0\r\n", row);
        String formula = RegulatoryCsv.of(export(ReportPeriod.year(2026), dose(Route.IV_DRIP, null, "1.000", "=cmd|' /C calc'!A0", true)));
        assertEquals(true, formula.contains(",\"'=cmd|' /C calc'!A0\","), formula);
    }

    @Test
    void aCalendarYearIsNamedByItsYearAndAnyOtherPeriodByItsDates() {
        assertEquals("regulatory-export-2026.csv", RegulatoryCsv.filename(export(ReportPeriod.year(2026))));
        assertEquals("regulatory-export-2026-01-01_2026-03-31.csv",
                RegulatoryCsv.filename(export(new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)))));
    }

    @Test
    void theSummaryCountsDosesAndMillilitresPerProductAndRoute() {
        RegulatoryExport e = export(ReportPeriod.year(2026), dose(Route.INJECTION, InjectionSite.FACE, "0.500", "x", true),
                dose(Route.IV_DRIP, null, "1.500", "x", true), dose(Route.IV_DRIP, null, "2.000", "x", false));
        assertEquals(List.of(new RegulatoryExport.Summary("MAXNFC-2", "max NFC 2cc", Route.INJECTION, 1, 1, new BigDecimal("0.500"), 585_000_000_000L),
                new RegulatoryExport.Summary("MAXNFC-2", "max NFC 2cc", Route.IV_DRIP, 2, 2, new BigDecimal("3.500"), 1_170_000_000_000L)),
                e.summary());
        assertEquals(3, e.doseCount());
    }
}
