package org.exotrace.trace.boundary;

import org.exotrace.bedside.entity.DoseKind;
import org.exotrace.bedside.entity.Purpose;
import org.exotrace.catalog.entity.Route;
import org.exotrace.bedside.entity.DoseLine;
import org.exotrace.trace.control.LotReports.Heading;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LotReportJsonTest {

    /**
     * What JSON-B (Yasson 3.0.4, the one in Payara Micro 6.2025.10) wrote for the whole {@code LotReport} record
     * of {@link #heading} and {@link #doses} before the report was streamed: members in lexicographic order, nulls
     * left out (the MISSING assay, the doses without a site), decimals with their scale, instants to the microsecond.
     */
    static final String JSON_B = """
            {"assays":[{"assay":"ENDOTOXIN","judgement":"PASS","method":"LAL","performedAt":"2026-11-24T23:30:00Z","reading":"0.12 EU/mL","resultId":"55a4247f-0fd0-33bf-a188-40823bb24895","specification":"<= 0.5 EU/mL"},\
            {"assay":"STERILITY","judgement":"PASS","reading":"NEGATIVE","resultId":"5a6fe796-564a-345f-9363-7ef1db0f8094","specification":"NEGATIVE"},\
            {"assay":"MYCOPLASMA","judgement":"MISSING","specification":"NEGATIVE"}],\
            "clinic":"Shibuya Regenerative Clinic",\
            "corrections":[{"administrationId":"1557936e-b7ad-38b5-abbf-55569e00ddef","correctedAt":"2026-11-25T01:40:00Z","correction":"REPLACE","patientId":"P-0999","reason":"entered for the wrong patient","replacedBy":"0773aeed-f15b-3f48-a9a9-f0258fa71e55","serial":"NFC2611A-0"}],\
            "counts":{"administered":3,"balanced":true,"check":"received 6 = on hand 2 + administered 3 + dispensed 0 + wasted 1 (= 6): true; expired 0 of the 2 on hand","dispensed":0,"expired":0,"onHand":2,"received":6,"wasted":1},\
            "decisions":[{"decidedAt":"2026-11-25T00:30:00Z","decidedBy":"qa-ito","from":"QUARANTINED","reason":"Released for clinical use","to":"RELEASED"}],\
            "doses":[{"administeredAt":"2026-11-25T01:30:00Z","administrationId":"0773aeed-f15b-3f48-a9a9-f0258fa71e55","doseVolumeMl":2.000,"kind":"ADMINISTERED","nurse":"nurse-0","patientId":"P-1000","purpose":"WELLNESS","route":"INJECTION","scanned":false,"serial":"NFC2611A-0","site":"FACE","vialVolumeMl":2.000},\
            {"administeredAt":"2026-11-25T01:31:00Z","administrationId":"1a437f8c-6552-3f92-a90e-2f2302bfd99c","doseVolumeMl":2.000,"kind":"ADMINISTERED","nurse":"nurse-1","patientId":"P-1001","purpose":"WELLNESS","route":"IV_DRIP","scanned":true,"serial":"NFC2611A-1","vialVolumeMl":2.000},\
            {"administeredAt":"2026-11-26T09:15:30.123456Z","administrationId":"859813db-740b-3251-96de-fd6f68ac937a","doseVolumeMl":1.50,"kind":"DISPENSED","nurse":"nurse-9","patientId":"P-2000","purpose":"THERAPY","route":"NASAL","scanned":false,"serial":"NFC2611A-99","vialVolumeMl":4.0}],\
            "excursions":[],"generatedAt":"2026-11-25T01:30:00Z","generatedBy":"qa-ito","lot":{"expiresOn":"2027-05-31","gtin":"04912345000019","lotNumber":"NFC2611A","manufacturedOn":"2026-11-01","productCode":"MAXNFC-2","productName":"max \\\"NFC\\\" 2cc","receivedAt":"2026-11-24T01:30:00Z","receivedBy":"inv-sato","status":"RELEASED"},\
            "qcPassed":false,"signatures":[{"contentDigest":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","coversCurrentResults":true,"meaning":"Released for clinical use: QC reviewed against specification","signedAt":"2026-11-25T00:30:00Z","signer":"qa-ito"}],\
            "source":{"cpcCode":"CPC-TOKYO-1","cpcCountry":"JP","cpcLicenceNumber":"FA3190001","cpcName":"東京 CPC","donorSource":"CORD_BLOOD"},\
            "timeZone":"Asia/Tokyo"}""";

    static Heading heading() {
        return LotReportFixtures.heading("max \"NFC\" 2cc", "東京 CPC", 3);
    }

    static List<DoseLine> doses() {
        List<DoseLine> doses = new ArrayList<>(LotReportFixtures.doses(2));
        doses.add(LotReportFixtures.dose(UUID.nameUUIDFromBytes("dispensed".getBytes()), DoseKind.DISPENSED, "P-2000",
                Instant.parse("2026-11-26T09:15:30.123456Z"), Route.NASAL, null, new BigDecimal("1.50"), new BigDecimal("4.0"), "nurse-9",
                Purpose.THERAPY, "NFC2611A-99", false));
        return doses;
    }

    static String write(Heading heading, List<DoseLine> doses) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LotReportJson(heading, reader -> {
            for (DoseLine d : doses) {
                reader.read(d);
            }
        }).write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theStreamedJsonIsByteForByteWhatJsonBMadeOfTheWholeReport() throws IOException {
        assertEquals(JSON_B, write(heading(), doses()));
    }

    @Test
    void aLotWithoutDosesHasAnEmptyDoseList() throws IOException {
        assertTrue(write(heading(), List.of()).contains(",\"doses\":[],\"excursions\":[],\"generatedAt\":"));
    }

    @Test
    void aFailedReadOfTheDosesEndsTheAnswerWithTheFailure() {
        IOException gone = new IOException("client went away");
        IOException thrown = assertThrows(IOException.class, () -> new LotReportJson(heading(), reader -> {
            reader.read(doses().get(0));
            throw gone;
        }).write(new ByteArrayOutputStream()));
        assertSame(gone, thrown);
    }
}
