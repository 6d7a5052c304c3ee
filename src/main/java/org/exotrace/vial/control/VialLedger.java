package org.exotrace.vial.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.exotrace.lot.entity.Lot;
import org.exotrace.platform.error.DomainError;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Puts the vials of a newly received lot into stock: one vial row and one RECEIVED movement each,
 * written with JDBC batches on the transaction's own connection (20 000 vials in one request).
 */
@ApplicationScoped
public class VialLedger {

    private static final int BATCH = 1_000;

    @PersistenceContext
    EntityManager em;

    /** Serials the service assigns: 10 digits from a database sequence, unique for every GTIN. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> assignSerials(int count) {
        Connection c = em.unwrap(Connection.class);
        List<String> serials = new ArrayList<>(count);
        try (PreparedStatement next = c.prepareStatement("SELECT nextval('vial_serial_seq') FROM generate_series(1, ?)")) {
            next.setInt(1, count);
            try (ResultSet rs = next.executeQuery()) {
                while (rs.next()) {
                    serials.add(String.format("%010d", rs.getLong(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot assign serials", e);
        }
        return serials;
    }

    /** The serials among these that already exist for the GTIN. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> existingSerials(String gtin, List<String> serials) {
        Connection c = em.unwrap(Connection.class);
        List<String> taken = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT serial FROM vial WHERE gtin = ? AND serial = ANY (?) ORDER BY serial LIMIT 20")) {
            q.setString(1, gtin);
            q.setArray(2, c.createArrayOf("text", serials.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    taken.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check serials", e);
        }
        return taken;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void receive(Lot lot, List<String> serials, String location, String actor, Instant at) {
        em.flush(); // the lot row exists before its vials refer to it
        Connection c = em.unwrap(Connection.class);
        Timestamp when = Timestamp.from(at);
        String gtin = lot.product().gtin().value();
        try (PreparedStatement vial = c.prepareStatement(
                "INSERT INTO vial (id, lot_id, gtin, serial, state, location) VALUES (?, ?, ?, ?, 'IN_STOCK', ?)");
             PreparedStatement movement = c.prepareStatement(
                     "INSERT INTO stock_movement (vial_id, kind, to_location, state_after, at, actor) VALUES (?, 'RECEIVED', ?, 'IN_STOCK', ?, ?)")) {
            int pending = 0;
            for (String serial : serials) {
                UUID id = UUID.randomUUID();
                vial.setObject(1, id);
                vial.setObject(2, lot.id());
                vial.setString(3, gtin);
                vial.setString(4, serial);
                vial.setString(5, location);
                vial.addBatch();
                movement.setObject(1, id);
                movement.setString(2, location);
                movement.setTimestamp(3, when);
                movement.setString(4, actor);
                movement.addBatch();
                if (++pending == BATCH) {
                    vial.executeBatch();
                    movement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                vial.executeBatch();
                movement.executeBatch();
            }
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw DomainError.conflict("SERIAL_EXISTS", "a vial serial of this lot is already registered for GTIN " + gtin);
            }
            throw new IllegalStateException("cannot store the vials of lot " + lot.lotNumber(), e);
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if ("23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
