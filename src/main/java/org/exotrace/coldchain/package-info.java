/**
 * The cold chain (issue 34, first part): storage places with the temperature range each must keep
 * ({@code storage_place}), the readings their data loggers send ({@code temperature_reading}, append-only; a reading
 * sent twice is one), and the excursions those readings show, derived by the view {@code temperature_excursion} (V25):
 * a run of readings out of range, or a silence longer than the place allows. Not yet: holding the vials stored in a
 * place during an excursion (the scan's {@code TEMPERATURE_HOLD}), QA's disposition, and vials' free-text locations
 * tied to places. Uses audit and platform. ADR 0043.
 */
package org.exotrace.coldchain;
