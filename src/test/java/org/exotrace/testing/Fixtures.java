package org.exotrace.testing;

import jakarta.json.JsonObject;
import org.exotrace.gs1.Gtin;
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
 * A history built through the API for a test: a CPC, products with a valid GTIN, and lots received into quarantine
 * and released by QA's signature, with their GS1 labels.
 */
public final class Fixtures {

    public static final ZoneId CLINIC = ZoneId.of("Asia/Tokyo");
    /** The licence number of the CPC of every history. */
    public static final String CPC_LICENCE = "FA5190003";

    /** A product of the test: its code, its GTIN and its donor sources, the first of which its lots here come from. */
    public record Product(String code, String gtin, List<String> donorSources) {
    }

    /** A lot of the test: its number, expiry, the serials on its labels and the vials' ids in the same order. */
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

    /** Creates a fresh CPC; {@code qa} creates products and signs releases, {@code inventory} receives lots. */
    public Fixtures(Api api, Staff qa, String inventory) {
        this.api = api;
        this.qa = qa;
        this.inventory = inventory;
        this.cpc = "CPC-" + Api.unique();
        Reply created = api.post("api/cpcs", qa.token(), """
                {"code":"%s","name":"Kobe CPC","licenceNumber":"%s","country":"JP"}""".formatted(cpc, CPC_LICENCE));
        assertEquals(201, created.status(), created::toString);
    }

    public static LocalDate today() {
        return LocalDate.now(CLINIC);
    }

    public String cpc() {
        return cpc;
    }

    /**
     * A 2 ml product of 780 billion particles a vial from cord blood, sterility its only required assay; {@code routes} as
     * JSON strings, such as {@code "IV_DRIP","INJECTION"}.
     */
    public Product product(String routes) {
        return newProduct(routes).create();
    }

    /** The product of {@link #product(String)}, to be told otherwise before it is created. */
    public NewProduct newProduct(String routes) {
        return new NewProduct(routes);
    }

    /** A product about to be created. */
    public final class NewProduct {
        private final String routes;
        private String name = "max NFC 2cc";
        private String volumeMl = "2.0";
        private List<String> donorSources = List.of("CORD_BLOOD");
        private String requiredAssays = "{\"assay\":\"STERILITY\",\"expected\":\"NEGATIVE\"}";
        private String storage = "";

        private NewProduct(String routes) {
            this.routes = routes;
        }

        public NewProduct name(String name) {
            this.name = name;
            return this;
        }

        public NewProduct volumeMl(String volumeMl) {
            this.volumeMl = volumeMl;
            return this;
        }

        public NewProduct donorSources(String... donorSources) {
            this.donorSources = List.of(donorSources);
            return this;
        }

        /** {@code assays} as JSON objects, such as {@code {"assay":"ENDOTOXIN","max":0.5,"unit":"EU/mL"}}. */
        public NewProduct requiredAssays(String assays) {
            this.requiredAssays = assays;
            return this;
        }

        /** The temperatures the product must be stored at, °C. */
        public NewProduct storageRange(String minC, String maxC) {
            this.storage = ",\"storageMinC\":" + minC + ",\"storageMaxC\":" + maxC;
            return this;
        }

        public Product create() {
            String first13 = "0" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
            Product p = new Product("R-" + Api.unique(), first13 + Gtin.checkDigit(first13), donorSources);
            Reply created = api.post("api/products", qa.token(), """
                    {"code":"%s","name":"%s","gtin":"%s","donorSources":[%s],"volumeMl":%s,"particlesPerVial":780000000000,
                     "routes":[%s],"requiredAssays":[%s]%s}""".formatted(p.code(), name, p.gtin(), quoted(donorSources), volumeMl,
                    routes, requiredAssays, storage));
            assertEquals(201, created.status(), created::toString);
            return p;
        }
    }

    /** Receives a lot of {@code vials} vials at {@code location}, enters a negative sterility result and releases it. */
    public Lot releasedLot(Product product, int daysToExpiry, String location, int vials) {
        return release(receivedLot(product, daysToExpiry, location, vials));
    }

    /** Receives a fresh lot of {@code vials} vials at {@code location}, serials its number and -0, -1, ...; it stays in quarantine. */
    public Lot receivedLot(Product product, int daysToExpiry, String location, int vials) {
        String number = "Q" + Api.unique();
        return receivedLot(product, daysToExpiry, location, number, IntStream.range(0, vials).mapToObj(i -> number + "-" + i).toList());
    }

    /** Receives lot {@code number} of {@code product} with vials labelled {@code serials} at {@code location}; it stays in quarantine. */
    public Lot receivedLot(Product product, int daysToExpiry, String location, String number, List<String> serials) {
        LocalDate expires = today().plusDays(daysToExpiry);
        Reply received = api.post("api/lots", inventory, """
                {"lotNumber":"%s","productCode":"%s","cpcCode":"%s","donorSource":"%s","manufacturedOn":"%s",
                 "expiresOn":"%s","location":"%s","serials":[%s]}""".formatted(number, product.code(), cpc, product.donorSources().get(0),
                today().minusDays(20), expires, location, quoted(serials)));
        assertEquals(201, received.status(), received::toString);
        Reply lot = api.get("api/lots/" + number + "?productCode=" + product.code() + "&size=" + serials.size(), inventory);
        assertEquals(200, lot.status(), lot::toString);
        Map<String, String> ids = lot.json().getJsonArray("vials").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(v -> v.getString("serial"), v -> v.getString("vialId")));
        assertEquals(serials.size(), ids.size(), lot::toString);
        return new Lot(product, number, expires, serials, serials.stream().map(ids::get).toList());
    }

    /** Enters a negative sterility result and then {@code moreResults} (QC results as JSON objects), and releases the lot by QA's signature. */
    public Lot release(Lot lot, String... moreResults) {
        enter(lot, "{\"assay\":\"STERILITY\",\"outcome\":\"NEGATIVE\"}");
        for (String result : moreResults) {
            enter(lot, result);
        }
        Reply released = api.post("api/lots/" + lot.number() + "/release", qa.token(),
                "{\"password\":\"" + qa.password() + "\",\"meaning\":\"Released for clinical use\"}");
        assertEquals(200, released.status(), released::toString);
        return lot;
    }

    private void enter(Lot lot, String result) {
        Reply entered = api.post("api/lots/" + lot.number() + "/qc-results", qa.token(), result);
        assertEquals(201, entered.status(), entered::toString);
    }

    private static String quoted(List<String> words) {
        return words.stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(","));
    }
}
