package org.exotrace.testing;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The deployment under test is the WAR that {@code mvn package} built, as it ships. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive exotrace() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("exotrace.test.war")));
    }
}
