package org.exotrace.epcis.control;

import org.exotrace.gs1.Gs1LotAndSerial;

import java.util.Optional;

/**
 * Where the clinic's EPCIS events happen, as SGLNs under its GLN ({@code exotrace.clinic.gln}): the site itself
 * ({@code .0}) and each storage place as the GLN's extension (GS1 AI 254). Without a GLN there is no location: the
 * service invents none.
 */
public final class ClinicLocations {

    public static final String KEY = "exotrace.clinic.gln";

    private final EpcUris uris;
    private final String gln;

    private ClinicLocations(EpcUris uris, String gln) {
        this.uris = uris;
        this.gln = gln;
    }

    /**
     * The clinic's locations from the configured GLN (blank as unset).
     *
     * @throws IllegalArgumentException naming the key when the value is not a GLN-13 with its check digit
     */
    public static ClinicLocations of(Optional<String> configured, EpcUris uris) {
        String gln = configured.map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (gln != null) {
            EpcUris.glnProblem(gln).ifPresent(problem -> {
                throw new IllegalArgumentException(KEY + ": '" + gln + "' is not a GLN: " + problem);
            });
        }
        return new ClinicLocations(uris, gln);
    }

    /** The clinic as a whole: {@code urn:epc:id:sgln:CompanyPrefix.LocationRef.0}. */
    public Optional<String> site() {
        return Optional.ofNullable(gln).map(uris::sgln);
    }

    /**
     * A storage place ({@code FREEZER-1}) as the SGLN with the place as extension. AI (254) carries 1 to 20 characters
     * of GS1 set 82, as a serial does; a place named otherwise (longer, other characters) is the site, not a made-up
     * extension.
     */
    public Optional<String> place(String name) {
        if (gln == null) {
            return Optional.empty();
        }
        return Optional.of(name != null && name.matches(Gs1LotAndSerial.PATTERN) ? uris.sgln(gln, name) : uris.sgln(gln));
    }
}
