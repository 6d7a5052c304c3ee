package org.exotrace.testing;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * The one deployment of every Arquillian IT of a run: the WAR that {@code mvn package} built, as it ships, deployed
 * once to one Payara Micro that all IT classes then call over HTTP (the suite extension, named in
 * {@code arquillian.xml}, deploys it before the first class and undeploys it after the last; docs/adr/0032). The IT
 * classes therefore declare no {@code @Deployment} of their own, and each makes its own users, lots and patients.
 */
public final class Deployments {

    private Deployments() {
    }

    @Deployment(testable = false)
    public static WebArchive exotrace() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("exotrace.test.war")));
    }
}
