/**
 * GS1 barcode parsing for the bedside scan: turns what a handheld scanner typed into a
 * {@link org.exotrace.bedside.barcode.Gs1Label} or a refusal with an English reason. Pure Java, no framework.
 *
 * <p>Owns: {@link org.exotrace.bedside.barcode.Gs1BarcodeParser} (entry point, total: never throws),
 * the result types, and the reusable {@link org.exotrace.bedside.barcode.Gtin} value object.
 *
 * <p>GS1 rules enforced: element strings (with or without symbology identifier ]d2, ]C1, ]Q3, ]e0),
 * the bracketed form and Digital Link URIs; only AIs 01, 10, 11, 17, 21 (others refused by name);
 * GTIN-14 with mod-10 check digit; lot and serial 1..20 characters of character set 82; YYMMDD dates
 * with day 00 and the century rule of GS1 General Specifications 7.12; duplicates must agree; (01) is
 * mandatory; a scan without group separators that could be read two ways is refused, not guessed;
 * scans longer than {@value org.exotrace.bedside.barcode.Gs1BarcodeParser#MAX_INPUT_LENGTH} characters
 * are refused before any work.
 */
package org.exotrace.bedside.barcode;
