package org.exotrace.coldchain.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.exotrace.platform.control.DatabaseConfig;
import org.exotrace.platform.control.Reads;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What needs attention across places, for the pages' banner (ADR 0047): the excursions open now, and those that ended but
 * still hold vials QA has not disposed of. Polled by every open inventory and QA page, so it reads only recent readings:
 * each place's excursions are computed from its oldest undisposed hold, or from now; and the holds of a place whose open
 * excursion holds nothing yet are made at once (a silence past its gap shows with its held vials without waiting for
 * the timer), place by place, so that a clinic with nothing newly open pays for no hold-making at all (readings and the
 * timer make the rest, ADR 0044).
 */
@ApplicationScoped
@Transactional
public class Attention {

    /** An excursion that needs attention: open while {@code endedAt} is null; {@code heldVials}: its holds QA has not disposed of. */
    public record Needing(String placeCode, String placeName, String kind, Instant startedAt, Instant endedAt, BigDecimal lowestC,
                          BigDecimal highestC, int heldVials) {
    }

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    @Inject
    ColdChain coldChain;

    @Inject
    Clock clock;

    /** The excursions open now or still holding vials, across all places, oldest first. */
    public List<Needing> now() {
        List<Needing> needing = read();
        Instant now = clock.instant();
        int held = 0;
        for (String open : needing.stream().filter(n -> n.endedAt() == null && n.heldVials() == 0).map(Needing::placeCode)
                .collect(Collectors.toCollection(TreeSet::new))) {
            held += coldChain.holdVials(coldChain.find(open), now);
        }
        return held == 0 ? needing : read();
    }

    private List<Needing> read() {
        // Only a place whose last reading is out of range or too old (an excursion open now), or with undisposed holds,
        // has its excursions computed: a healthy place costs one probe of its last reading. An undisposed hold whose
        // excursion late readings have since reshaped lapses in the pass that stored them (ADR 0045); one the pass has
        // not reached is listed as the hold names it, ended at the first reading after its start.
        return Reads.list(dataSource, Needing.class, """
                WITH held AS (
                    SELECT place_id, kind, started_at, count(*)::integer AS held_vials
                      FROM temperature_hold_open GROUP BY place_id, kind, started_at
                ), excursions AS (
                    SELECT p.id AS place_id, p.code, p.name, e.kind, e.started_at, e.ended_at, e.lowest_c, e.highest_c
                      FROM storage_place p
                     CROSS JOIN LATERAL (SELECT r.at, r.celsius FROM temperature_reading r WHERE r.place_id = p.id ORDER BY r.at DESC LIMIT 1) last
                     CROSS JOIN LATERAL place_excursions(p.id, least(now(), (SELECT min(h.started_at) FROM held h WHERE h.place_id = p.id))) e
                     WHERE last.celsius NOT BETWEEN p.min_c AND p.max_c OR now() - last.at > make_interval(mins => p.max_gap_minutes)
                        OR EXISTS (SELECT 1 FROM held h WHERE h.place_id = p.id)
                )
                SELECT e.code AS place_code, e.name AS place_name, e.kind, e.started_at, e.ended_at, e.lowest_c, e.highest_c,
                       coalesce(h.held_vials, 0) AS held_vials
                  FROM excursions e LEFT JOIN held h ON h.place_id = e.place_id AND h.kind = e.kind AND h.started_at = e.started_at
                 WHERE e.ended_at IS NULL OR h.held_vials IS NOT NULL
                UNION ALL
                SELECT p.code, p.name, h.kind, h.started_at,
                       (SELECT min(r.at) FROM temperature_reading r WHERE r.place_id = h.place_id AND r.at > h.started_at), NULL, NULL,
                       h.held_vials
                  FROM held h JOIN storage_place p ON p.id = h.place_id
                 WHERE NOT EXISTS (SELECT 1 FROM excursions e WHERE e.place_id = h.place_id AND e.kind = h.kind AND e.started_at = h.started_at)
                 ORDER BY started_at, place_code, kind
                 LIMIT 1000""");
    }
}
