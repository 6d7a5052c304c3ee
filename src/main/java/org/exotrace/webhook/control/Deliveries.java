package org.exotrace.webhook.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.exotrace.platform.control.DatabaseConfig;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The outbox's deliveries: claiming the due ones, recording each attempt, and listing them for operators. */
@ApplicationScoped
public class Deliveries {

    public enum Status { PENDING, DELIVERED, FAILED }

    /** A delivery claimed for sending: where, what, and how many attempts it had before. */
    public record Due(long id, UUID eventId, String eventType, String url, String payload, int attempts) {
    }

    /** A delivery as operators see it: about a lot ({@code lotNumber}) or a storage place's excursion ({@code locationCode}). */
    public record View(long deliveryId, UUID eventId, String eventType, String lotNumber, String url, Status status, int attempts,
                       Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus, String lastError,
                       Instant deliveredAt, String locationCode) {
    }

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    /**
     * Up to {@code limit} PENDING deliveries due at {@code now}, oldest first, leased until {@code leaseUntil}: their
     * next attempt moves there, so another dispatcher (this or another instance) skips them while they are sent, and
     * takes them up again only if this one dies before recording the attempt.
     */
    @Transactional
    public List<Due> claim(Instant now, Instant leaseUntil, int limit) {
        List<Due> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                UPDATE webhook_delivery d SET next_attempt_at = ?
                  FROM webhook_event e
                 WHERE e.id = d.event_id
                   AND d.id IN (SELECT id FROM webhook_delivery WHERE status = 'PENDING' AND next_attempt_at <= ?
                                 ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING d.id, e.id, e.event_type, d.url, e.payload, d.attempts""")) {
            st.setTimestamp(1, Timestamp.from(leaseUntil));
            st.setTimestamp(2, Timestamp.from(now));
            st.setInt(3, limit);
            try (ResultSet r = st.executeQuery()) {
                while (r.next()) {
                    due.add(new Due(r.getLong(1), (UUID) r.getObject(2), r.getString(3), r.getString(4), r.getString(5), r.getInt(6)));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("claiming webhook deliveries", e);
        }
        due.sort((a, b) -> Long.compare(a.id(), b.id()));
        return due;
    }

    /**
     * Records one attempt: appended to {@code webhook_attempt}, and the delivery DELIVERED (a 2xx), PENDING again at
     * {@code retryAt}, or FAILED when {@code retryAt} is null.
     */
    @Transactional
    public void record(Due d, Instant at, Integer httpStatus, String error, long durationMs, boolean delivered, Instant retryAt) {
        int attempt = d.attempts() + 1;
        String shortError = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO webhook_attempt (delivery_id, attempt, at, http_status, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?)")) {
                st.setLong(1, d.id());
                st.setInt(2, attempt);
                st.setTimestamp(3, Timestamp.from(at));
                setInteger(st, 4, httpStatus);
                st.setString(5, shortError);
                st.setInt(6, (int) Math.min(Integer.MAX_VALUE, Math.max(0, durationMs)));
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("""
                    UPDATE webhook_delivery SET attempts = ?, last_attempt_at = ?, last_status = ?, last_error = ?, status = ?,
                           next_attempt_at = COALESCE(?, next_attempt_at), delivered_at = ?
                     WHERE id = ?""")) {
                st.setInt(1, attempt);
                st.setTimestamp(2, Timestamp.from(at));
                setInteger(st, 3, httpStatus);
                st.setString(4, shortError);
                st.setString(5, (delivered ? Status.DELIVERED : retryAt == null ? Status.FAILED : Status.PENDING).name());
                st.setTimestamp(6, retryAt == null ? null : Timestamp.from(retryAt));
                st.setTimestamp(7, delivered ? Timestamp.from(at) : null);
                st.setLong(8, d.id());
                st.executeUpdate();
            }
        } catch (SQLException e) {
            throw new PersistenceException("recording webhook delivery " + d.id(), e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<View> list(Status status, int page, int size) {
        List<View> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT d.id, e.id, e.event_type, e.lot_number, d.url, d.status, d.attempts, e.created_at, d.next_attempt_at,
                       d.last_attempt_at, d.last_status, d.last_error, d.delivered_at, e.location_code
                  FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id
                 WHERE (?::text IS NULL OR d.status = ?::text)
                 ORDER BY d.id DESC OFFSET ? LIMIT ?""")) {
            st.setString(1, status == null ? null : status.name());
            st.setString(2, status == null ? null : status.name());
            st.setLong(3, (long) page * size);
            st.setInt(4, size);
            try (ResultSet r = st.executeQuery()) {
                while (r.next()) {
                    int lastStatus = r.getInt(11);
                    Integer last = r.wasNull() ? null : lastStatus;
                    found.add(new View(r.getLong(1), (UUID) r.getObject(2), r.getString(3), r.getString(4), r.getString(5),
                            Status.valueOf(r.getString(6)), r.getInt(7), instant(r.getTimestamp(8)), instant(r.getTimestamp(9)),
                            instant(r.getTimestamp(10)), last, r.getString(12), instant(r.getTimestamp(13)), r.getString(14)));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("listing webhook deliveries", e);
        }
        return found;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Status status) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT count(*) FROM webhook_delivery WHERE (?::text IS NULL OR status = ?::text)")) {
            st.setString(1, status == null ? null : status.name());
            st.setString(2, status == null ? null : status.name());
            try (ResultSet r = st.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new PersistenceException("counting webhook deliveries", e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static void setInteger(PreparedStatement st, int index, Integer value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.INTEGER);
        } else {
            st.setInt(index, value);
        }
    }
}
