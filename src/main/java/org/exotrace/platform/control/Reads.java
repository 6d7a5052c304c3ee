package org.exotrace.platform.control;

import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The read lane (ADR 0036): SQL with {@code ?} parameters over the pool's JDBC connection, each row mapped <b>by column
 * name</b> into a record ({@code dose_volume_ml} into the component {@code doseVolumeMl}). A column without a component
 * is a mistake and fails; a component without a column (a query that asks for part of a view) is null, false or 0.
 * Components may be text, enums (by name), UUIDs, instants, dates, decimals, whole numbers and booleans; a query of one
 * column may also be read as one of those types. Inside a JTA transaction the pool hands out the transaction's
 * connection, so the rows are read in it.
 */
public final class Reads {

    /** Receives rows one at a time, as they are read. */
    @FunctionalInterface
    public interface Sink<T> {
        void accept(T row) throws IOException;
    }

    /** What is read on one connection. */
    @FunctionalInterface
    public interface Work {
        void run(Reads reads) throws IOException;
    }

    private final Connection connection;

    private Reads(Connection connection) {
        this.connection = connection;
    }

    /** The rows of a query on a connection of its own. */
    public static <T> List<T> list(DataSource dataSource, Class<T> type, String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection()) {
            return new Reads(c).list(type, sql, parameters);
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** The first row, if any, of a query on a connection of its own. */
    public static <T> Optional<T> first(DataSource dataSource, Class<T> type, String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection()) {
            return new Reads(c).first(type, sql, parameters);
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** What is done with one connection, for reads that walk their rows by hand (an EPCIS document). */
    @FunctionalInterface
    public interface ConnectionWork {
        void run(Connection connection) throws SQLException, IOException;
    }

    /**
     * Runs {@code work} on one connection. Outside a JTA transaction (a streamed answer is written after its resource
     * method returned; a connection of the read replica's pool, which never joins one: ADR 0042) it runs in a read-only
     * transaction of its own at {@code isolation}, so that the driver fetches by cursor ({@link #each}) and the reads
     * agree with each other, rolled back and the connection's settings restored whatever happens, also when the client
     * went away.
     */
    public static void in(DataSource dataSource, int isolation, Work work) throws IOException {
        on(dataSource, isolation, c -> work.run(new Reads(c)));
    }

    /** As {@link #in}, handing {@code work} the connection itself. */
    public static void on(DataSource dataSource, int isolation, ConnectionWork work) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                work.run(c);
                return;
            }
            int was = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setReadOnly(true);
            if (isolation != was) {
                c.setTransactionIsolation(isolation);
            }
            try {
                work.run(c);
            } finally {
                c.rollback();
                if (isolation != was) {
                    c.setTransactionIsolation(was);
                }
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed("a read-only transaction", e);
        }
    }

    public <T> List<T> list(Class<T> type, String sql, Object... parameters) {
        List<T> rows = new ArrayList<>();
        try {
            each(type, sql, rows::add, parameters);
        } catch (IOException e) {
            throw new IllegalStateException(e); // adding to a list does not fail
        }
        return rows;
    }

    public <T> Optional<T> first(Class<T> type, String sql, Object... parameters) {
        List<T> rows = new ArrayList<>(1);
        try {
            read(type, sql, rows::add, 1, parameters);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return rows.stream().findFirst();
    }

    /** Hands the rows to {@code sink} as they are fetched, 1 000 at a time, so that no list of them is held. */
    public <T> void each(Class<T> type, String sql, Sink<T> sink, Object... parameters) throws IOException {
        read(type, sql, sink, 0, parameters);
    }

    private <T> void read(Class<T> type, String sql, Sink<T> sink, int maxRows, Object... parameters) throws IOException {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i] instanceof List<?> list
                        ? connection.createArrayOf(arrayType(list), list.toArray()) : parameters[i]);
            }
            st.setFetchSize(1_000);
            st.setMaxRows(maxRows);
            try (ResultSet r = st.executeQuery()) {
                Mapper<T> mapper = new Mapper<>(type, r.getMetaData());
                while (r.next()) {
                    sink.accept(mapper.map(r));
                }
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    private static String arrayType(List<?> list) {
        return !list.isEmpty() && list.get(0) instanceof UUID ? "uuid" : "text";
    }

    private static PersistenceException failed(String sql, SQLException e) {
        return new PersistenceException("reading " + sql.strip().lines().findFirst().orElse(""), e);
    }

    /**
     * A record type's components and canonical constructor, looked up once per type: reflection and a method handle per
     * query cost the bedside scan a third of its throughput (docs/BENCHMARKS.md, issue 28's before and after).
     */
    private record Shape(RecordComponent[] components, Class<?>[] types, MethodHandle constructor) {
        static final ClassValue<Shape> OF = new ClassValue<>() {
            @Override
            protected Shape computeValue(Class<?> type) {
                RecordComponent[] components = type.getRecordComponents();
                Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
                try {
                    Constructor<?> canonical = type.getDeclaredConstructor(types);
                    canonical.setAccessible(true);
                    return new Shape(components, types,
                            MethodHandles.lookup().unreflectConstructor(canonical).asSpreader(Object[].class, types.length));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(type + " has no public canonical constructor", e);
                }
            }
        };
    }

    /** Makes one record of each row: the record's canonical constructor (once per type), its arguments found by column name once per query. */
    private static final class Mapper<T> {
        private final Class<T> type;
        private final MethodHandle constructor;
        private final Class<?>[] types;
        private final int[] columnOf;

        Mapper(Class<T> type, ResultSetMetaData meta) throws SQLException {
            this.type = type;
            if (!type.isRecord()) {
                constructor = null;
                types = new Class<?>[]{type};
                columnOf = new int[]{1};
                return;
            }
            Shape shape = Shape.OF.get(type);
            RecordComponent[] components = shape.components();
            types = shape.types();
            constructor = shape.constructor();
            columnOf = new int[components.length];
            for (int column = 1; column <= meta.getColumnCount(); column++) {
                String name = camel(meta.getColumnLabel(column));
                int component = 0;
                while (component < components.length && !components[component].getName().equals(name)) {
                    component++;
                }
                if (component == components.length) {
                    throw new IllegalStateException(type.getSimpleName() + " has no component for column " + meta.getColumnLabel(column));
                }
                columnOf[component] = column;
            }
        }

        T map(ResultSet r) throws SQLException {
            if (constructor == null) {
                return type.cast(value(r, columnOf[0], types[0]));
            }
            Object[] arguments = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                arguments[i] = columnOf[i] == 0 ? absent(types[i]) : value(r, columnOf[i], types[i]);
            }
            try {
                return type.cast(constructor.invoke(arguments));
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        private static Object absent(Class<?> type) {
            if (type == boolean.class) {
                return false;
            }
            if (type == long.class) {
                return 0L;
            }
            return type == int.class ? (Object) 0 : null;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Object value(ResultSet r, int column, Class<?> type) throws SQLException {
            if (type == boolean.class || type == Boolean.class) {
                boolean b = r.getBoolean(column);
                return r.wasNull() && type == Boolean.class ? null : b;
            }
            if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
                long n = r.getLong(column);
                if (r.wasNull() && !type.isPrimitive()) {
                    return null;
                }
                return type == int.class || type == Integer.class ? (Object) Math.toIntExact(n) : (Object) n;
            }
            if (type == BigDecimal.class) {
                return r.getBigDecimal(column);
            }
            if (type == Instant.class) {
                Timestamp t = r.getTimestamp(column);
                return t == null ? null : t.toInstant();
            }
            // Not getObject(int, Class): the pool's wrapper answers that one by reflection, on every column of every row.
            if (type == LocalDate.class) {
                Date d = r.getDate(column);
                return d == null ? null : d.toLocalDate();
            }
            if (type == UUID.class) {
                Object id = r.getObject(column);
                return id == null || id instanceof UUID ? id : UUID.fromString(id.toString());
            }
            String text = r.getString(column);
            if (text == null || type == String.class) {
                return text;
            }
            if (type.isEnum()) {
                return Enum.valueOf((Class<Enum>) type, text);
            }
            throw new IllegalStateException("no reading of column " + column + " as " + type);
        }

        private static String camel(String column) {
            StringBuilder name = new StringBuilder(column.length());
            boolean upper = false;
            for (char ch : column.toCharArray()) {
                if (ch == '_') {
                    upper = true;
                } else {
                    name.append(upper ? Character.toUpperCase(ch) : ch);
                    upper = false;
                }
            }
            return name.toString();
        }
    }
}
