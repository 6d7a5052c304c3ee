package org.exotrace.platform.control;

import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of a query with JPA-style numbered parameters ({@code ?1}, {@code ?2}, in any order and any number of times),
 * read over plain JDBC as the {@code Object[]} an EclipseLink native query gives ({@code getObject} of each column).
 * For the requests every bedside scan and every authenticated request make: EclipseLink's native-query handling cost
 * more there than the query did (docs/BENCHMARKS.md). Inside a JTA transaction the pool hands out the transaction's
 * connection, so the row is read in it, as EclipseLink's would be.
 */
public final class JdbcRows {

    private static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

    private final String sql;
    private final int[] parameterOf;

    /** Made once per statement: the JDBC text with {@code ?} in place of each {@code ?n}, and which parameter each one is. */
    public JdbcRows(String numberedSql) {
        Matcher m = NUMBERED.matcher(numberedSql);
        List<Integer> order = new ArrayList<>();
        StringBuilder jdbc = new StringBuilder();
        while (m.find()) {
            order.add(Integer.parseInt(m.group(1)) - 1);
            m.appendReplacement(jdbc, "?");
        }
        m.appendTail(jdbc);
        this.sql = jdbc.toString();
        this.parameterOf = order.stream().mapToInt(Integer::intValue).toArray();
    }

    String sql() {
        return sql;
    }

    /** The values for the JDBC placeholders, in their order ({@code parameters[0]} is {@code ?1}). */
    Object[] bind(Object... parameters) {
        Object[] bound = new Object[parameterOf.length];
        for (int i = 0; i < bound.length; i++) {
            bound[i] = parameters[parameterOf[i]];
        }
        return bound;
    }

    /** The first row, if any, of the query with these parameters ({@code parameters[0]} is {@code ?1}). */
    public Optional<Object[]> first(DataSource dataSource, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            Object[] bound = bind(parameters);
            for (int i = 0; i < bound.length; i++) {
                st.setObject(i + 1, bound[i]);
            }
            st.setMaxRows(1);
            try (ResultSet r = st.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Object[] row = new Object[r.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = r.getObject(i + 1);
                }
                return Optional.of(row);
            }
        } catch (SQLException e) {
            throw new PersistenceException("reading one row", e);
        }
    }
}
