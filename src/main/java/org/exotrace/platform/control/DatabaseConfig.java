package org.exotrace.platform.control;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The application's one datasource, a pooled JTA datasource whose URL and credentials come from
 * MicroProfile Config ({@code exotrace.db.*}, environment {@code EXOTRACE_DB_*}). Timeouts keep a
 * request from hanging when PostgreSQL is gone; validation (of a connection not validated in the last second, ADR 0023)
 * lets the pool heal when it is back. The driver leaves the server's error detail out of its exceptions
 * ({@code logServerErrorDetail=false}): PostgreSQL quotes the offending row or key there ("Failing row contains
 * (...)"), which may hold a patient id, and a 500 logs its exception.
 */
@Singleton
@DataSourceDefinition(
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
        })
public class DatabaseConfig {
    public static final String JNDI_NAME = "java:app/jdbc/exotrace";
}
