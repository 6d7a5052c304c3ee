package org.exotrace.trace.boundary;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.exotrace.bedside.entity.DoseCorrection;
import org.exotrace.bedside.entity.DoseKind;
import org.exotrace.bedside.entity.DoseLine;
import org.exotrace.trace.control.Traces;
import org.exotrace.trace.control.LotReports.AssayLine;
import org.exotrace.trace.control.LotReports.Counts;
import org.exotrace.trace.control.LotReports.Decision;
import org.exotrace.trace.control.LotReports.ExcursionDisposition;
import org.exotrace.trace.control.LotReports.LotExcursion;
import org.exotrace.trace.control.LotReports.LotReport;
import org.exotrace.trace.control.LotReports.Signature;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The lot report as a PDF: A4 portrait, Helvetica (one of the PDF standard fonts, so nothing is
 * embedded), tables that continue on the next page under a repeated header row, and "page n of m"
 * in every page's footer. A character the font cannot draw (Japanese, for one) is printed as '?'
 * rather than failing the report. One instance renders one report; not thread-safe.
 */
final class LotReportPdf {

    static final String MEDIA_TYPE = "application/pdf";

    private static final PDRectangle A4 = PDRectangle.A4;
    private static final float MARGIN = 40;
    private static final float TOP = A4.getHeight() - MARGIN;
    private static final float BOTTOM = MARGIN + 20;
    private static final float WIDTH = A4.getWidth() - 2 * MARGIN;
    private static final float PAD = 2.5f;
    private static final float TABLE_SIZE = 7.5f;
    private static final float TEXT_SIZE = 9;
    private static final Color HEADER_FILL = new Color(0.88f, 0.90f, 0.93f);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A table column: its title and its share of the page's width. */
    private record Column(String title, float share) {
    }

    private final PDDocument doc = new PDDocument();
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final Map<Integer, Boolean> drawable = new HashMap<>();
    private final ZoneId zone;
    private PDPageContentStream out;
    private float y;

    private LotReportPdf(ZoneId zone) {
        this.zone = zone;
    }

    static byte[] render(LotReport report) {
        return render(report, List.of());
    }

    /** The report; {@code recallFollowUp}, the patients of a recalled lot with their notification attempts, closes it. */
    static byte[] render(LotReport report, List<Traces.Recipient> recallFollowUp) {
        LotReportPdf pdf = new LotReportPdf(ZoneId.of(report.timeZone()));
        try (pdf.doc) {
            pdf.write(report, recallFollowUp);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            pdf.doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(LotReport r, List<Traces.Recipient> recallFollowUp) throws IOException {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle("Lot report " + r.lot().lotNumber());
        info.setAuthor(r.generatedBy());
        info.setCreator(r.clinic() + " (ExoTrace)");
        Calendar created = GregorianCalendar.from(r.generatedAt().atZone(zone));
        info.setCreationDate(created);
        newPage();

        text(bold, 16, "Lot report " + r.lot().lotNumber());
        text(bold, 11, r.clinic());
        text(regular, TEXT_SIZE, "Generated " + time(r.generatedAt()) + " by " + r.generatedBy() + ". Times are in " + r.timeZone() + ".");

        heading("Lot");
        var l = r.lot();
        var s = r.source();
        List<Column> pair = List.of(new Column("", 0.28f), new Column("", 0.72f));
        table(pair, List.of(
                List.of("Lot number", l.lotNumber()),
                List.of("Product", l.productCode() + " - " + l.productName()),
                List.of("GTIN", l.gtin()),
                List.of("Manufactured / expires", l.manufacturedOn() + " / " + l.expiresOn()),
                List.of("Status", l.status().name()),
                List.of("Received", time(l.receivedAt()) + " by " + l.receivedBy()),
                List.of("Cell processing centre", s.cpcCode() + " - " + s.cpcName() + " (" + s.cpcCountry() + ")"),
                List.of("CPC licence number", s.cpcLicenceNumber()),
                List.of("Donor source", s.donorSource().name())), false);

        heading("QC assays");
        List<List<String>> assays = new ArrayList<>();
        for (AssayLine a : r.assays()) {
            assays.add(List.of(a.assay(), a.specification(), or(a.reading(), "-"), a.judgement(),
                    or(a.method(), "-") + (a.performedAt() == null ? "" : ", " + time(a.performedAt()))));
        }
        table(List.of(new Column("Assay", 0.2f), new Column("Specification", 0.22f), new Column("Current result", 0.22f),
                new Column("Judgement", 0.12f), new Column("Method, performed", 0.24f)), assays, true);
        text(regular, TEXT_SIZE, "QC complete and passing: " + (r.qcPassed() ? "yes" : "no"));

        heading("Release signatures");
        List<List<String>> signatures = new ArrayList<>();
        for (Signature sig : r.signatures()) {
            signatures.add(List.of(sig.signer(), time(sig.signedAt()), sig.meaning(), sig.contentDigest(),
                    sig.coversCurrentResults() ? "yes" : "no"));
        }
        if (signatures.isEmpty()) {
            text(regular, TEXT_SIZE, "No release signature.");
        } else {
            table(List.of(new Column("Signer", 0.14f), new Column("Signed at", 0.14f), new Column("Meaning", 0.3f),
                    new Column("Content digest (SHA-256)", 0.3f), new Column("Covers current results", 0.12f)), signatures, true);
        }

        heading("Status decisions");
        List<List<String>> decisions = new ArrayList<>();
        for (Decision d : r.decisions()) {
            decisions.add(List.of(d.from() + " -> " + d.to(), d.decidedBy(), time(d.decidedAt()), d.reason()));
        }
        if (decisions.isEmpty()) {
            text(regular, TEXT_SIZE, "None: the lot is as it was received.");
        } else {
            table(List.of(new Column("Change", 0.24f), new Column("By", 0.14f), new Column("At", 0.14f), new Column("Reason", 0.48f)),
                    decisions, true);
        }

        heading("Vials");
        Counts c = r.counts();
        table(List.of(new Column("Received", 1), new Column("On hand", 1), new Column("Administered", 1), new Column("Dispensed", 1),
                new Column("Wasted", 1), new Column("Expired (of on hand)", 1)), List.of(List.of(String.valueOf(c.received()),
                String.valueOf(c.onHand()), String.valueOf(c.administered()), String.valueOf(c.dispensed()), String.valueOf(c.wasted()),
                String.valueOf(c.expired()))), true);
        text(regular, TEXT_SIZE, "Check: " + c.check() + ".");
        text(regular, TEXT_SIZE, "Expired vials are in stock past the lot's expiry in " + r.timeZone() + "; they are counted within on hand.");

        heading("Doses (" + r.doses().size() + " vials of this lot)");
        List<List<String>> doses = new ArrayList<>();
        for (DoseLine d : r.doses()) {
            doses.add(List.of(d.administrationId().toString(), d.patientId(), time(d.administeredAt()),
                    d.route() + (d.kind() == DoseKind.DISPENSED ? " (dispensed)" : ""), d.site() == null ? "-" : d.site().name(),
                    ml(d.vialVolumeMl()) + " of " + ml(d.doseVolumeMl()), d.nurse(), d.purpose().name(), d.serial(),
                    d.scanned() ? "yes" : "no"));
        }
        if (doses.isEmpty()) {
            text(regular, TEXT_SIZE, "No vial of this lot has been given or dispensed.");
        } else {
            table(List.of(new Column("Administration", 0.15f), new Column("Patient", 0.13f), new Column("Time", 0.1f),
                    new Column("Route", 0.09f), new Column("Site", 0.07f), new Column("ml (vial of dose)", 0.08f), new Column("Nurse", 0.1f),
                    new Column("Purpose", 0.09f), new Column("Serial", 0.11f), new Column("Scanned", 0.08f)), doses, true);
        }
        if (!r.corrections().isEmpty()) {
            corrections(r.corrections());
        }
        excursions(r.excursions());
        if (!recallFollowUp.isEmpty()) {
            recallFollowUp(recallFollowUp);
        }
        out.close();
        footers(r.clinic() + " - lot report " + l.lotNumber());
    }

    /** The vials of doses corrected after they were recorded: they are not among the doses above (ADR 0040). */
    private void corrections(List<Traces.CorrectedDose> corrections) throws IOException {
        heading("Corrected doses (" + corrections.size() + " vials; not counted above)");
        List<List<String>> rows = new ArrayList<>();
        corrections.forEach(c -> rows.add(List.of(c.administrationId().toString(), c.patientId(), c.serial(),
                c.correction() == DoseCorrection.Action.VOID ? "voided" : "replaced by " + c.replacedBy(), time(c.correctedAt()), c.reason())));
        table(List.of(new Column("Administration", 0.17f), new Column("Patient", 0.12f), new Column("Serial", 0.11f),
                new Column("Correction", 0.22f), new Column("When", 0.12f), new Column("Reason", 0.26f)), rows, true);
    }

    /** The temperature excursions the lot's vials lived through (they held them) and QA's signed dispositions of those vials. */
    private void excursions(List<LotExcursion> excursions) throws IOException {
        heading("Temperature excursions (" + excursions.size() + ")");
        if (excursions.isEmpty()) {
            text(regular, TEXT_SIZE, "No vial of this lot was in a storage place during a temperature excursion.");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (LotExcursion e : excursions) {
            String what = e.kind().equals("OUT_OF_RANGE") ? "out of range " + e.minC().toPlainString() + ".." + e.maxC().toPlainString()
                    + " °C" + (e.lowestC() == null ? "" : ": " + e.lowestC().toPlainString() + " to " + e.highestC().toPlainString() + " °C")
                    : "no readings";
            String until = e.open() ? "open" : e.endedAt() == null ? "no longer shown by the readings" : time(e.endedAt());
            StringBuilder decided = new StringBuilder();
            for (ExcursionDisposition d : e.dispositions()) {
                decided.append(decided.isEmpty() ? "" : " ").append(d.decision()).append(" ").append(d.vials()).append(" by ")
                        .append(d.signedBy()).append(" ").append(time(d.signedAt())).append(": ").append(d.justification()).append(".");
            }
            rows.add(List.of(e.placeCode() + " - " + e.placeName(), what, time(e.startedAt()), until,
                    e.minutes() == null ? "-" : String.valueOf(e.minutes()), e.heldVials() + " (" + e.stillHeld() + " still held)",
                    decided.isEmpty() ? "none yet" : decided.toString()));
        }
        table(List.of(new Column("Place", 0.16f), new Column("Excursion", 0.17f), new Column("Started", 0.1f), new Column("Ended", 0.1f),
                new Column("Minutes", 0.07f), new Column("Vials held", 0.1f), new Column("QA disposition", 0.3f)), rows, true);
    }

    /** The patients still to reach first, then those reached, each with their attempts: what the lot page shows. */
    private void recallFollowUp(List<Traces.Recipient> patients) throws IOException {
        long toReach = patients.stream().filter(p -> !p.reached()).count();
        heading("Recall follow-up: " + toReach + " of " + patients.size() + " patients still to reach");
        List<List<String>> rows = new ArrayList<>();
        patients.stream().sorted(Comparator.comparing(Traces.Recipient::reached)).forEach(p -> rows.add(List.of(p.patientId(),
                String.valueOf(p.vials()), time(p.lastDoseAt()), String.valueOf(p.attempts()), time(p.lastAttemptAt()),
                p.lastOutcome() == null ? "-" : p.lastOutcome().name(), p.reached() ? "yes" : "NO - still to reach")));
        table(List.of(new Column("Patient", 0.18f), new Column("Vials", 0.08f), new Column("Last dose", 0.14f),
                new Column("Attempts", 0.1f), new Column("Last attempt", 0.14f), new Column("Last outcome", 0.14f),
                new Column("Reached", 0.22f)), rows, true);
    }

    private String time(Instant at) {
        return at == null ? "-" : MINUTE.format(at.atZone(zone));
    }

    private static String ml(BigDecimal ml) {
        return ml.stripTrailingZeros().toPlainString();
    }

    private static String or(String text, String otherwise) {
        return text == null ? otherwise : text;
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = TOP;
    }

    /** Starts a new page unless {@code height} points still fit above the footer. */
    private void room(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    private void heading(String title) throws IOException {
        room(60);
        y -= 8;
        text(bold, 11, title);
        y -= 2;
    }

    /** A paragraph, wrapped to the page's width. */
    private void text(PDFont font, float size, String text) throws IOException {
        for (String line : wrap(font, size, text, WIDTH)) {
            room(size * 1.3f);
            y -= size * 1.3f;
            show(font, size, MARGIN, y + size * 0.3f, line);
        }
    }

    private void table(List<Column> columns, List<List<String>> rows, boolean header) throws IOException {
        float total = (float) columns.stream().mapToDouble(Column::share).sum();
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = WIDTH * columns.get(i).share() / total;
        }
        List<String> titles = columns.stream().map(Column::title).toList();
        if (header) {
            row(titles, widths, bold, true);
        }
        for (List<String> row : rows) {
            if (y - height(row, widths, regular) < BOTTOM) {
                newPage();
                if (header) {
                    row(titles, widths, bold, true);
                }
            }
            row(row, widths, regular, false);
        }
        y -= 4;
    }

    private float height(List<String> cells, float[] widths, PDFont font) throws IOException {
        int lines = 1;
        for (int i = 0; i < cells.size(); i++) {
            lines = Math.max(lines, wrap(font, TABLE_SIZE, cells.get(i), widths[i] - 2 * PAD).size());
        }
        return lines * TABLE_SIZE * 1.2f + 2 * PAD;
    }

    private void row(List<String> cells, float[] widths, PDFont font, boolean shaded) throws IOException {
        float h = height(cells, widths, font);
        float x = MARGIN;
        if (shaded) {
            out.setNonStrokingColor(HEADER_FILL);
            out.addRect(MARGIN, y - h, WIDTH, h);
            out.fill();
            out.setNonStrokingColor(Color.BLACK);
        }
        out.setLineWidth(0.4f);
        for (float width : widths) {
            out.addRect(x, y - h, width, h);
            x += width;
        }
        out.stroke();
        x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            float line = y - PAD - TABLE_SIZE;
            for (String part : wrap(font, TABLE_SIZE, cells.get(i), widths[i] - 2 * PAD)) {
                show(font, TABLE_SIZE, x + PAD, line, part);
                line -= TABLE_SIZE * 1.2f;
            }
            x += widths[i];
        }
        y -= h;
    }

    private void show(PDFont font, float size, float x, float baseline, String text) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, baseline);
        out.showText(text);
        out.endText();
    }

    /** "page n of m" on every page, once all pages exist. */
    private void footers(String label) throws IOException {
        int pages = doc.getNumberOfPages();
        for (int n = 1; n <= pages; n++) {
            try (PDPageContentStream footer = new PDPageContentStream(doc, doc.getPage(n - 1), PDPageContentStream.AppendMode.APPEND, true,
                    true)) {
                String text = "page " + n + " of " + pages;
                float width = regular.getStringWidth(text) / 1000 * 8;
                out = footer;
                show(regular, 8, MARGIN, MARGIN, fitted(regular, 8, safe(label), WIDTH - width - 20));
                show(regular, 8, MARGIN + WIDTH - width, MARGIN, text);
            }
        }
    }

    private String fitted(PDFont font, float size, String text, float width) throws IOException {
        String fitted = text;
        while (!fitted.isEmpty() && font.getStringWidth(fitted) / 1000 * size > width) {
            fitted = fitted.substring(0, fitted.length() - 1);
        }
        return fitted;
    }

    /** The text in lines no wider than {@code width}: broken at spaces, and inside a word only when the word alone is too wide. */
    private List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : safe(text).split(" ", -1)) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (widthOf(font, size, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            for (int i = 0; i < word.length(); i++) {
                if (!line.isEmpty() && widthOf(font, size, line.toString() + word.charAt(i)) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(word.charAt(i));
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static float widthOf(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** The text with every character the font cannot draw replaced by '?', and control characters by spaces. */
    private String safe(String text) {
        StringBuilder safe = new StringBuilder();
        Objects.requireNonNullElse(text, "").codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                safe.append(' ');
            } else if (drawable.computeIfAbsent(cp, this::drawable)) {
                safe.appendCodePoint(cp);
            } else {
                safe.append('?');
            }
        });
        return safe.toString();
    }

    private boolean drawable(int codePoint) {
        try {
            regular.encode(new String(Character.toChars(codePoint)));
            bold.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
