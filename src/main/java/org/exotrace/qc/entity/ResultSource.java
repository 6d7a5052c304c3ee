package org.exotrace.qc.entity;

/** How a result reached the service: typed in through the API, or imported from a CPC's certificate (CSV). */
public enum ResultSource {
    API, CSV
}
