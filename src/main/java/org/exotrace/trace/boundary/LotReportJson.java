package org.exotrace.trace.boundary;

import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.core.StreamingOutput;
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

import static org.exotrace.trace.boundary.TraceJson.number;
import static org.exotrace.trace.boundary.TraceJson.text;

/**
 * Writes the lot report's JSON straight to the response with a JSON-P generator, the doses as they are
 * read: a lot of 20 000 doses is megabytes, and neither they nor the answer are held whole. The JSON is
 * the one JSON-B made of {@link org.exotrace.trace.control.LotReports.LotReport}: the same members in
 * its (lexicographic) order, nulls left out, enums, dates, instants and ids as text, decimals as numbers.
 */
final class LotReportJson implements StreamingOutput {

    /** Where the doses come from: the database row by row ({@code LotReports.doses}), or a list in a test. */
    @FunctionalInterface
    interface Doses {
        void each(DoseReader reader) throws IOException;
    }

    private final Heading head;
    private final Doses doses;

    LotReportJson(Heading head, Doses doses) {
        this.head = head;
        this.doses = doses;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        try (JsonGenerator g = TraceJson.GENERATORS.createGenerator(out)) {
            Heading h = head;
            g.writeStartObject();
            g.writeStartArray("assays");
            for (AssayLine a : h.assays()) {
                g.writeStartObject();
                text(g, "assay", a.assay());
                text(g, "judgement", a.judgement());
                text(g, "method", a.method());
                text(g, "performedAt", a.performedAt());
                text(g, "reading", a.reading());
                text(g, "resultId", a.resultId());
                text(g, "specification", a.specification());
                g.writeEnd();
            }
            g.writeEnd();
            text(g, "clinic", h.clinic());
            Counts c = h.counts();
            g.writeStartObject("counts").write("administered", c.administered()).write("balanced", c.balanced());
            text(g, "check", c.check());
            g.write("dispensed", c.dispensed()).write("expired", c.expired()).write("onHand", c.onHand())
                    .write("received", c.received()).write("wasted", c.wasted()).writeEnd();
            g.writeStartArray("decisions");
            for (Decision d : h.decisions()) {
                g.writeStartObject();
                text(g, "decidedAt", d.decidedAt());
                text(g, "decidedBy", d.decidedBy());
                text(g, "from", d.from());
                text(g, "reason", d.reason());
                text(g, "to", d.to());
                g.writeEnd();
            }
            g.writeEnd();
            g.writeStartArray("doses");
            doses.each(d -> {
                g.writeStartObject();
                text(g, "administeredAt", d.administeredAt());
                text(g, "administrationId", d.administrationId());
                number(g, "doseVolumeMl", d.doseVolumeMl());
                text(g, "kind", d.kind());
                text(g, "nurse", d.nurse());
                text(g, "patientId", d.patientId());
                text(g, "purpose", d.purpose());
                text(g, "route", d.route());
                g.write("scanned", d.scanned());
                text(g, "serial", d.serial());
                text(g, "site", d.site());
                number(g, "vialVolumeMl", d.vialVolumeMl());
                g.writeEnd();
            });
            g.writeEnd();
            text(g, "generatedAt", h.generatedAt());
            text(g, "generatedBy", h.generatedBy());
            Identity l = h.lot();
            g.writeStartObject("lot");
            text(g, "expiresOn", l.expiresOn());
            text(g, "gtin", l.gtin());
            text(g, "lotNumber", l.lotNumber());
            text(g, "manufacturedOn", l.manufacturedOn());
            text(g, "productCode", l.productCode());
            text(g, "productName", l.productName());
            text(g, "receivedAt", l.receivedAt());
            text(g, "receivedBy", l.receivedBy());
            text(g, "status", l.status());
            g.writeEnd();
            g.write("qcPassed", h.qcPassed());
            g.writeStartArray("signatures");
            for (Signature s : h.signatures()) {
                g.writeStartObject();
                text(g, "contentDigest", s.contentDigest());
                g.write("coversCurrentResults", s.coversCurrentResults());
                text(g, "meaning", s.meaning());
                text(g, "signedAt", s.signedAt());
                text(g, "signer", s.signer());
                g.writeEnd();
            }
            g.writeEnd();
            Source s = h.source();
            g.writeStartObject("source");
            text(g, "cpcCode", s.cpcCode());
            text(g, "cpcCountry", s.cpcCountry());
            text(g, "cpcLicenceNumber", s.cpcLicenceNumber());
            text(g, "cpcName", s.cpcName());
            text(g, "donorSource", s.donorSource());
            g.writeEnd();
            text(g, "timeZone", h.timeZone());
            g.writeEnd();
        }
    }
}
