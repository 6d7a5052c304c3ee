package org.exotrace.testing;

import jakarta.json.JsonObject;
import org.exotrace.bedside.barcode.Gtin;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Staff;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A history built through the API for a test: a CPC, products with a valid GTIN whose only required
 * assay is sterility, and lots received and released by QA's signature, with their GS1 labels.
 */
public final class Fixtures {

    public static final ZoneId CLINIC = ZoneId.of("Asia/Tokyo");

    /** A product of the test, with its GTIN. */
    public record Product(String code, String gtin) {
    }

    /** A released lot of the test: its number, expiry, the serials on its labels and the vials' ids in the same order. */
    public record Lot(Product product, String number, LocalDate expiresOn, List<String> serials, List<String> vialIds) {

        /** The GS1 element string a scanner types for vial {@code i}, with symbology identifier and group separator. */
        public String barcode(int i) {
            return "]d201" + product.gtin() + "17" + expiresOn.format(DateTimeFormatter.ofPattern("yyMMdd")) + "10" + number + '\u001d'
                    + "21" + serials.get(i);
        }
    }

    private final Api api;
    private final Staff qa;
    private final String inventory;
    private final String cpc;

    /** Creates a fresh CPC; {@code qa} signs releases, {@code inventory} receives lots. */
    public Fixtures(Api api, Staff qa, String inventory) {
        this.api = api;
        this.qa = qa;
        this.inventory = inventory;
        this.cpc = "CPC-" + Api.unique();
        Reply created = api.post("api/cpcs", qa.token(), """
                {"code":"%s","name":"Kobe CPC","licenceNumber":"FA5190003","country":"JP"}""".formatted(cpc));
        assertEquals(201, created.status(), created::toString);
    }

    public static LocalDate today() {
        return LocalDate.now(CLINIC);
    }

    public String cpc() {
        return cpc;
    }

    /** A 2 ml product of 780 billion particles a vial; {@code routes} as JSON strings, such as {@code "IV_DRIP","INJECTION"}. */
    public Product product(String routes) {
        String first13 = "0" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        Product p = new Product("R-" + Api.unique(), first13 + Gtin.checkDigit(first13));
        Reply created = api.post("api/products", qa.token(), """
                {"code":"%s","name":"max NFC 2cc","gtin":"%s","donorSources":["CORD_BLOOD"],"volumeMl":2.0,"particlesPerVial":780000000000,
                 "routes":[%s],"requiredAssays":[{"assay":"STERILITY","expected":"NEGATIVE"}]}""".formatted(p.code(), p.gtin(), routes));
        assertEquals(201, created.status(), created::toString);
        return p;
    }

    /** Receives a lot of {@code vials} vials at {@code location}, enters a negative sterility result and releases it. */
    public Lot releasedLot(Product product, int daysToExpiry, String location, int vials) {
        String number = "Q" + Api.unique();
        List<String> serials = IntStream.range(0, vials).mapToObj(i -> number + "-" + i).toList();
        LocalDate expires = today().plusDays(daysToExpiry);
        Reply received = api.post("api/lots", inventory, """
                {"lotNumber":"%s","productCode":"%s","cpcCode":"%s","donorSource":"CORD_BLOOD","manufacturedOn":"%s",
                 "expiresOn":"%s","location":"%s","serials":[%s]}""".formatted(number, product.code(), cpc, today().minusDays(20), expires,
                location, serials.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(","))));
        assertEquals(201, received.status(), received::toString);
        Reply qc = api.post("api/lots/" + number + "/qc-results", qa.token(), "{\"assay\":\"STERILITY\",\"outcome\":\"NEGATIVE\"}");
        assertEquals(201, qc.status(), qc::toString);
        Reply released = api.post("api/lots/" + number + "/release", qa.token(),
                "{\"password\":\"" + qa.password() + "\",\"meaning\":\"Released for clinical use\"}");
        assertEquals(200, released.status(), released::toString);
        Map<String, String> ids = api.get("api/lots/" + number, inventory).json().getJsonArray("vials").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(v -> v.getString("serial"), v -> v.getString("vialId")));
        return new Lot(product, number, expires, serials, serials.stream().map(ids::get).toList());
    }
}
