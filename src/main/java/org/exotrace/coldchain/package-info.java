/**
 * The cold chain (issue 34): storage places with the temperature range each must keep
 * ({@code storage_place}), the readings their data loggers send ({@code temperature_reading}, append-only; a reading
 * sent twice is one), and the excursions those readings show, derived by {@code place_excursions} (V27, V28) whenever read:
 * a run of readings out of range, or a silence longer than the place allows (ADR 0043). Every vial that was in a place
 * (its location is the place's code) while an excursion was open is held ({@code temperature_hold}, V27), which the
 * bedside scan blocks as {@code TEMPERATURE_HOLD}, until QA's signed disposition of the excursion releases the vials or
 * wastes them as {@code TEMPERATURE_EXCURSION} (ADR 0044), or until late readings no longer show the excursion: the hold
 * lapses by a record of its own ({@code temperature_hold_lapsed}, V28). Each excursion is announced once opened, once
 * ended, and once withdrawn ({@code excursion_notice}; the CDI event {@code ExcursionNoticed}, which webhook and monitoring
 * observe; ADR 0045). A place's readings and excursions read as JSON or CSV; the views {@code lot_excursion} and
 * {@code lot_excursion_disposition} (V30) say which excursions a lot's vials lived through, for the lot report (ADR 0046).
 * What needs attention across places (excursions open now, or still holding vials) is one cheap read that the pages'
 * banner polls (ADR 0047). Every location in use is a place (ADR 0048). Uses vial (the waste), security (the
 * signature), audit and platform.
 */
package org.exotrace.coldchain;
