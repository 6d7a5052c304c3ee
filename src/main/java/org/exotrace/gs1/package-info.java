/**
 * GS1 syntax, in a package of its own (catalog, lot and bedside all use it; it uses none of them): turns what a handheld scanner typed into a
 * {@link org.exotrace.gs1.Gs1Label} or a refusal with an English reason. Pure Java, no framework.
 *
 * <p>Owns: {@link org.exotrace.gs1.Gs1BarcodeParser} (entry point, total: never throws),
 * the result types, and the reusable {@link org.exotrace.gs1.Gtin} value object.
 *
 * <p>GS1 rules enforced, as GS1's reference syntax engine reads them (ADR 0031): element strings (symbology
 * identifiers ]d2, ]C1, ]Q3, ]e0, ]J1; ]E0/]E4 as a GTIN), the bracketed form ('\(' escapes a '(') and Digital Link URIs
 * (]d1, ]Q1, ]J0); every AI of the GS1 syntax dictionary, each value checked against its format and linters, then
 * repeats, exclusions, requisites and signed keys; the vial takes 01 (mandatory), 10, 11, 17, 21. YYMMDD dates with
 * day 00 and the century rule of GS1 General Specifications 7.12; a scan without group separators that could be read
 * two ways is refused, not guessed; scans longer than
 * {@value org.exotrace.gs1.Gs1BarcodeParser#MAX_INPUT_LENGTH} characters are refused before any work.
 * {@link org.exotrace.gs1.Gs1LotAndSerial} says what a lot number and a serial may be, for receipt too.
 */
package org.exotrace.gs1;
