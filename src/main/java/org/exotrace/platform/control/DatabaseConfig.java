package org.exotrace.platform.control;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.ejb.Singleton;

/**
 * The application's one datasource, a pooled JTA datasource whose URL and credentials come from
 * MicroProfile Config ({@code exotrace.db.*}, environment {@code EXOTRACE_DB_*}). Timeouts keep a
 * request from hanging when PostgreSQL is gone; validation (of a connection not validated in the last second, ADR 0023)
 * lets the pool heal when it is back. The driver leaves the server's error detail out of its exceptions
 * ({@code logServerErrorDetail=false}): PostgreSQL quotes the offending row or key there ("Failing row contains
 * (...)"), which may hold a patient id, and a 500 logs its exception.
 *
 * <p>The URL may name several hosts, {@code jdbc:postgresql://h1:5432,h2:5432/exotrace?targetServerType=primary}: after
 * a failover the pool's validation finds its connections to the lost primary dead, drops them all, and the driver opens
 * new ones on whichever host is the primary now (ADR 0042).
 *
 * <p>The second pool, {@link #READ_JNDI_NAME}, is the read replica of {@code exotrace.db.read-url} (default: the primary's
 * URL, and then it is never used): {@link ReportSource} hands it to the read-only reports. Its connections never join a
 * JTA transaction, so that a report's audit entry is written to the primary in the transaction of the request while its
 * rows are read on the replica; it opens no connection before the first report.
 */
@Singleton
@DataSourceDefinitions({@DataSourceDefinition(
        name = DatabaseConfig.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=exotrace.db.url}",
        user = "${MPCONFIG=exotrace.db.user}",
        password = "${MPCONFIG=exotrace.db.password}",
        minPoolSize = 2,
        initialPoolSize = 2,
        maxPoolSize = 32,
        maxIdleTime = 300,
        loginTimeout = 5,
        properties = {
                "connectTimeout=5",
                "socketTimeout=60",
                "reWriteBatchedInserts=true",
                "ApplicationName=exotrace",
                "stringtype=unspecified",
                "logServerErrorDetail=false",
                // Plans made for the values at hand, never PostgreSQL's generic plan of a prepared statement: ADR 0012.
                "options=-c plan_cache_mode=force_custom_plan",
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                // A connection handed out is validated if it was not in the last second: two round trips fewer per scan (ADR 0023).
                "fish.payara.validate-atmost-once-period-in-seconds=1",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=2000"
        }),
        @DataSourceDefinition(
                name = DatabaseConfig.READ_JNDI_NAME,
                className = "org.postgresql.ds.PGSimpleDataSource",
                url = "${MPCONFIG=exotrace.db.read-url}",
                user = "${MPCONFIG=exotrace.db.user}",
                password = "${MPCONFIG=exotrace.db.password}",
                transactional = false,
                minPoolSize = 0,
                initialPoolSize = 0,
                maxPoolSize = 8,
                maxIdleTime = 300,
                loginTimeout = 5,
                properties = {
                        "connectTimeout=5",
                        "socketTimeout=300",
                        "ApplicationName=exotrace-reports",
                        "stringtype=unspecified",
                        "logServerErrorDetail=false",
                        "options=-c plan_cache_mode=force_custom_plan",
                        "fish.payara.is-connection-validation-required=true",
                        "fish.payara.connection-validation-method=custom-validation",
                        "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                        "fish.payara.validate-atmost-once-period-in-seconds=1",
                        "fish.payara.fail-all-connections=true",
                        "fish.payara.max-wait-time-in-millis=2000"
                })})
public class DatabaseConfig {
    public static final String JNDI_NAME = "java:app/jdbc/exotrace";
    /** The read replica's pool: only through {@link ReportSource}. */
    public static final String READ_JNDI_NAME = "java:app/jdbc/exotrace-read";
}
