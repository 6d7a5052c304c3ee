package org.exotrace.platform.control;

/** Fired once the migrations have been applied: the database is ready for the application's own start-up work. */
public record SchemaReady(String version) {
}
