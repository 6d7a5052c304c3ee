package org.exotrace.trace.boundary;

import jakarta.ws.rs.core.StreamingOutput;
import org.exotrace.platform.boundary.JsonStream;
import org.exotrace.platform.boundary.JsonStream.Name;
import org.exotrace.trace.control.LotReports;
import org.exotrace.trace.control.LotReports.AssayLine;
import org.exotrace.trace.control.LotReports.Counts;
import org.exotrace.trace.control.LotReports.Decision;
import org.exotrace.trace.control.LotReports.DoseReader;
import org.exotrace.trace.control.LotReports.Heading;
import org.exotrace.trace.control.LotReports.Identity;
import org.exotrace.trace.control.LotReports.Signature;
import org.exotrace.trace.control.LotReports.Source;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the lot report's JSON straight to the response with a {@link JsonStream}, the doses as
 * they are read: a lot of 20 000 doses is megabytes, and neither they nor the answer are held whole. The JSON is
 * the one JSON-B made of {@link org.exotrace.trace.control.LotReports.LotReport}: the same members in
 * its (lexicographic) order, nulls left out, enums, dates, instants and ids as text, decimals as numbers.
 */
final class LotReportJson implements StreamingOutput {

    /** Where the doses come from: the database row by row ({@code LotReports.doses}), or a list in a test. */
    @FunctionalInterface
    interface Doses {
        void each(DoseReader reader) throws IOException;
    }

    /** The names of a dose's members, encoded once: a lot's doses are most of the report. */
    private static final Name ADMINISTERED_AT = Name.of("administeredAt");
    private static final Name ADMINISTRATION_ID = Name.of("administrationId");
    private static final Name DOSE_VOLUME_ML = Name.of("doseVolumeMl");
    private static final Name KIND = Name.of("kind");
    private static final Name NURSE = Name.of("nurse");
    private static final Name PATIENT_ID = Name.of("patientId");
    private static final Name PURPOSE = Name.of("purpose");
    private static final Name ROUTE = Name.of("route");
    private static final Name SCANNED = Name.of("scanned");
    private static final Name SERIAL = Name.of("serial");
    private static final Name SITE = Name.of("site");
    private static final Name VIAL_VOLUME_ML = Name.of("vialVolumeMl");

    private final Heading head;
    private final Doses doses;

    LotReportJson(Heading head, Doses doses) {
        this.head = head;
        this.doses = doses;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        try (JsonStream g = new JsonStream(out)) {
            Heading h = head;
            g.startObject();
            g.startArray(Name.of("assays"));
            for (AssayLine a : h.assays()) {
                g.startObject();
                g.text(Name.of("assay"), a.assay());
                g.text(Name.of("judgement"), a.judgement());
                g.text(Name.of("method"), a.method());
                g.text(Name.of("performedAt"), a.performedAt());
                g.text(Name.of("reading"), a.reading());
                g.text(Name.of("resultId"), a.resultId());
                g.text(Name.of("specification"), a.specification());
                g.end();
            }
            g.end();
            g.text(Name.of("clinic"), h.clinic());
            Counts c = h.counts();
            g.startObject(Name.of("counts")).number(Name.of("administered"), c.administered()).bool(Name.of("balanced"), c.balanced());
            g.text(Name.of("check"), c.check());
            g.number(Name.of("dispensed"), c.dispensed()).number(Name.of("expired"), c.expired()).number(Name.of("onHand"), c.onHand())
                    .number(Name.of("received"), c.received()).number(Name.of("wasted"), c.wasted()).end();
            g.startArray(Name.of("decisions"));
            for (Decision d : h.decisions()) {
                g.startObject();
                g.text(Name.of("decidedAt"), d.decidedAt());
                g.text(Name.of("decidedBy"), d.decidedBy());
                g.text(Name.of("from"), d.from());
                g.text(Name.of("reason"), d.reason());
                g.text(Name.of("to"), d.to());
                g.end();
            }
            g.end();
            g.startArray(Name.of("doses"));
            doses.each(d -> dose(g, d));
            g.end();
            g.text(Name.of("generatedAt"), h.generatedAt());
            g.text(Name.of("generatedBy"), h.generatedBy());
            Identity l = h.lot();
            g.startObject(Name.of("lot"));
            g.text(Name.of("expiresOn"), l.expiresOn());
            g.text(Name.of("gtin"), l.gtin());
            g.text(Name.of("lotNumber"), l.lotNumber());
            g.text(Name.of("manufacturedOn"), l.manufacturedOn());
            g.text(Name.of("productCode"), l.productCode());
            g.text(Name.of("productName"), l.productName());
            g.text(Name.of("receivedAt"), l.receivedAt());
            g.text(Name.of("receivedBy"), l.receivedBy());
            g.text(Name.of("status"), l.status());
            g.end();
            g.bool(Name.of("qcPassed"), h.qcPassed());
            g.startArray(Name.of("signatures"));
            for (Signature s : h.signatures()) {
                g.startObject();
                g.text(Name.of("contentDigest"), s.contentDigest());
                g.bool(Name.of("coversCurrentResults"), s.coversCurrentResults());
                g.text(Name.of("meaning"), s.meaning());
                g.text(Name.of("signedAt"), s.signedAt());
                g.text(Name.of("signer"), s.signer());
                g.end();
            }
            g.end();
            Source s = h.source();
            g.startObject(Name.of("source"));
            g.text(Name.of("cpcCode"), s.cpcCode());
            g.text(Name.of("cpcCountry"), s.cpcCountry());
            g.text(Name.of("cpcLicenceNumber"), s.cpcLicenceNumber());
            g.text(Name.of("cpcName"), s.cpcName());
            g.text(Name.of("donorSource"), s.donorSource());
            g.end();
            g.text(Name.of("timeZone"), h.timeZone());
            g.end();
        }
    }

    private static void dose(JsonStream g, LotReports.Dose d) throws IOException {
        g.startObject().text(ADMINISTERED_AT, d.administeredAt()).text(ADMINISTRATION_ID, d.administrationId())
                .number(DOSE_VOLUME_ML, d.doseVolumeMl()).text(KIND, d.kind()).text(NURSE, d.nurse()).text(PATIENT_ID, d.patientId())
                .text(PURPOSE, d.purpose()).text(ROUTE, d.route()).bool(SCANNED, d.scanned()).text(SERIAL, d.serial()).text(SITE, d.site())
                .number(VIAL_VOLUME_ML, d.vialVolumeMl()).end();
    }
}
