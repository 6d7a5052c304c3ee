package org.exotrace.lot.boundary;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.exotrace.gs1.Gs1LotAndSerial;
import org.exotrace.lot.control.Lots;
import org.exotrace.lot.entity.LotStatus;


/**
 * {@code GET /api/lots?lotNumber&productCode&status&expiresBefore}: every one optional, all of them must hold.
 * A {@code @BeanParam}, not method parameters: constrained query parameters break Payara's OpenAPI (ADR 0003).
 */
public class LotSearch {

    /** Part of the lot number, any case. */
    @QueryParam("lotNumber")
    @Pattern(regexp = Gs1LotAndSerial.PATTERN, message = Gs1LotAndSerial.RULE)
    String lotNumber;

    @QueryParam("productCode")
    @Size(min = 1, max = 32)
    String productCode;

    @QueryParam("status")
    @Pattern(regexp = "QUARANTINED|RELEASED|REJECTED|RECALLED", message = "QUARANTINED, RELEASED, REJECTED or RECALLED")
    String status;

    /** Lots expiring before this day (not on it). */
    @QueryParam("expiresBefore")
    @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "a date such as 2027-05-31")
    String expiresBefore;

    Lots.Filter filter() {
        return new Lots.Filter(lotNumber, productCode, status == null ? null : LotStatus.valueOf(status),
                expiresBefore == null ? null : LotsResource.date("expiresBefore", expiresBefore));
    }
}
