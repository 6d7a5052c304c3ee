package org.exotrace.platform.boundary;

/**
 * What the launcher sees of the requests being served, through the JVM's MBean server (it lives outside the WAR):
 * how many are in flight, and a switch that refuses new ones while those finish. See docs/adr/0011.
 */
public interface InFlightRequestsMBean {

    /** Requests being served now. */
    int getActive();

    boolean isDraining();

    /** From now on every new request is answered 503 {@code SHUTTING_DOWN}; those in flight go on. */
    void drain();
}
