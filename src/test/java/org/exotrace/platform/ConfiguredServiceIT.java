package org.exotrace.platform;

import com.sun.net.httpserver.HttpServer;
import org.exotrace.testing.Api;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.Api.Staff;
import org.exotrace.testing.Fixtures;
import org.exotrace.testing.ServiceProcess;
import org.exotrace.testing.ServiceProcess.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.exotrace.testing.ServiceProcess.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The package ({@code java -jar target/exotrace.jar}) configured as a clinic would behind its public name, with webhook
 * receivers but, by mistake, no webhook secret; and what it writes to its log. Not Arquillian: the server's log and
 * configuration are what is under test.
 * <p>
 * It shares nothing with the Arquillian server, so it runs beside the Arquillian classes ({@code CONCURRENT}, as
 * {@code ServiceProcessIT}: ADR 0032); its cases share one service, so they run one after another
 * ({@code SAME_THREAD} below the class).
 */
@Execution(ExecutionMode.CONCURRENT)
class ConfiguredServiceIT {

    static final String PUBLIC = "https://exotrace.clinic.example";

    /** Kept when a test fails: the service's log is in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dataDir;

    static HttpServer receiver;
    static final List<String> received = new CopyOnWriteArrayList<>();
    static ServiceProcess service;
    static Api api;

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("X-ExoTrace-Signature") + " " + new String(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        service = ServiceProcess.startOn(Database.fresh(), dataDir, freePort(), "-Dexotrace.public-base-url=" + PUBLIC + "/",
                "-Dexotrace.webhook.urls=http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                "-Dexotrace.webhook.poll-interval=PT1S", "-Dexotrace.webhook.initial-delay=PT1S");
        api = new Api(service.base());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void aQueryParameterNotOfItsTypeIsRefusedWithoutAStackTraceInTheLog() throws Exception {
        String inventory = api.tokenFor(Role.INVENTORY, Role.QA);
        long before = Files.size(service.log());
        for (String path : List.of("api/stock/expiring?withinDays=x", "api/stock?page=abc", "api/lots?size=zz", "api/cpcs?page=1.5")) {
            Reply refused = api.get(path, inventory);
            assertEquals(400, refused.status(), refused::toString);
            assertEquals("VALIDATION_FAILED", refused.code(), refused::toString);
        }
        Thread.sleep(500);
        String written = Files.readString(service.log()).substring((int) before);
        assertFalse(written.contains("Exception"), () -> "a client's typo is not the server's stack trace: " + written.length() + " characters\n"
                + written.substring(0, Math.min(written.length(), 2_000)));
        assertTrue(written.length() < 1_000, written);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void locationAndFhirAddressesUseThePublicBaseUrl() {
        Reply created = api.post("api/cpcs", api.tokenFor(Role.QA), """
                {"code":"CPC-%s","name":"Kobe CPC","licenceNumber":"FA5190003","country":"JP"}""".formatted(Api.unique()));
        assertEquals(201, created.status(), created::toString);
        assertTrue(created.header("Location").startsWith(PUBLIC + "/api/cpcs/CPC-"), created.header("Location"));
        Reply metadata = api.get("fhir/metadata", null);
        assertEquals(200, metadata.status(), metadata::toString);
        assertTrue(metadata.body().contains(PUBLIC + "/fhir"), metadata.body());
        assertFalse(metadata.body().contains("localhost"), metadata.body());
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void webhooksWithoutASecretAreNotSentButKeptInTheOutbox() throws Exception {
        Staff qa = api.newUser(Role.QA);
        Fixtures fixtures = new Fixtures(api, qa, api.tokenFor(Role.INVENTORY));
        Fixtures.Lot lot = fixtures.receivedLot(fixtures.product("\"IV_DRIP\""), 180, "FREEZER-1", 1);
        Reply rejected = api.post("api/lots/" + lot.number() + "/reject", qa.token(), "{\"reason\":\"sterility positive\"}");
        assertEquals(200, rejected.status(), rejected::toString);
        Thread.sleep(5_000); // five polls of the dispatcher, were it running
        assertEquals(List.of(), received, "nothing goes out unsigned");
        Reply pending = api.get("api/webhooks/deliveries?status=PENDING&size=500", api.adminToken());
        assertEquals(200, pending.status(), pending::toString);
        assertTrue(pending.body().contains(lot.number()), () -> "the event waits for a secret: " + pending);
        assertTrue(Files.readString(service.log()).contains("exotrace.webhook.secret is not"), "the log says why");
    }
}
