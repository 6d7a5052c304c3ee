/**
 * Vial labels: printable GS1 DataMatrix labels for vials whose CPC shipped them without a serialised code, so that
 * every vial can be scanned at the bedside. Owns the print record ({@code label_print}, {@code label_print_vial},
 * V22: who printed which vials, how, and which were reprints) and the renderings: a PDF for any printer
 * ({@link org.exotrace.label.control.LabelPdf}, PDFBox) and ZPL for thermal label printers
 * ({@link org.exotrace.label.control.LabelZpl}). The symbol is encoded by Okapi Barcode
 * ({@link org.exotrace.label.control.LabelSymbols}); what it carries is {@link org.exotrace.gs1.Gs1VialCode}, the
 * inverse of what the scan reads. Uses lot (the lot and its product), vial, gs1, audit and platform. ADR 0039.
 */
package org.exotrace.label;
