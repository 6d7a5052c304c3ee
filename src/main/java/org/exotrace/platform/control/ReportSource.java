package org.exotrace.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;

/**
 * Where the read-only reports read their rows (ADR 0042): the read replica of {@code exotrace.db.read-url} when it is set
 * to another URL than {@code exotrace.db.url}, else the primary. Only the lot report, QA's reports, the regulatory export,
 * FHIR and EPCIS read here; their audit entry is written to the primary all the same (the replica's pool never joins the
 * request's transaction). The bedside, scans, doses, traces (a recall must see the last dose) and every write read the
 * primary. A replica lags: a report may miss what was committed in the last moments.
 */
@ApplicationScoped
public class ReportSource {

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource primary;

    @Resource(lookup = DatabaseConfig.READ_JNDI_NAME)
    DataSource replica;

    @Inject
    @ConfigProperty(name = "exotrace.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "exotrace.db.read-url")
    String readUrl;

    public DataSource dataSource() {
        return readUrl.isBlank() || readUrl.equals(url) ? primary : replica;
    }
}
