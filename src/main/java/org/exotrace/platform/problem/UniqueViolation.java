package org.exotrace.platform.problem;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises PostgreSQL refusing a row because its unique key is taken (SQL state 23505). A control checks
 * for the key first and answers its own 409 ({@code LOT_EXISTS}); when two requests pass that check at the same
 * moment, the database lets one commit and refuses the other here. The refusal is answered with the code the
 * control would have given (the constraint names the key), else {@code ALREADY_EXISTS}; the client sees a field
 * name, never the constraint, the table or the SQL.
 */
final class UniqueViolation {

    /** What a taken key means to a client: the control's reason word and the request's field. */
    record Taken(String code, String field) {
    }

    static final Taken UNKNOWN = new Taken("ALREADY_EXISTS", null);

    /** PostgreSQL's default names of the UNIQUE constraints in sql/ that a request can run into. */
    private static final Map<String, Taken> KEYS = Map.of(
            "app_user_username_key", new Taken("USERNAME_TAKEN", "username"),
            "cpc_code_key", new Taken("CPC_EXISTS", "code"),
            "product_code_key", new Taken("PRODUCT_EXISTS", "code"),
            "product_gtin_key", new Taken("GTIN_IN_USE", "gtin"),
            "lot_product_id_lot_number_key", new Taken("LOT_EXISTS", "lotNumber"),
            "vial_gtin_serial_key", new Taken("SERIAL_EXISTS", "serials"),
            "qc_result_supersedes_key", new Taken("RESULT_SUPERSEDED", "supersedes"));

    private UniqueViolation() {
    }

    static Optional<Taken> of(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 30; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return Optional.of(taken(sql));
            }
        }
        return Optional.empty();
    }

    /** The key named by the refusal; a batch's refusal carries the server's message in its next exception. */
    private static Taken taken(SQLException refusal) {
        int depth = 0;
        for (SQLException s = refusal; s != null && depth < 10; s = s.getNextException(), depth++) {
            if (s instanceof PSQLException psql) {
                String constraint = Optional.ofNullable(psql.getServerErrorMessage()).map(ServerErrorMessage::getConstraint).orElse(null);
                if (constraint != null) {
                    return KEYS.getOrDefault(constraint, UNKNOWN);
                }
            }
        }
        return UNKNOWN;
    }

    /** The fields of a problem naming the key, or none when the key is not one a client sent. */
    static List<Problem.FieldError> errors(Taken taken) {
        return taken.field() == null ? List.of()
                : List.of(new Problem.FieldError(taken.field(), "taken by a request that was recorded at the same moment"));
    }
}
