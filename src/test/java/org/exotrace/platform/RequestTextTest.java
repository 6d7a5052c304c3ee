package org.exotrace.platform;

import org.exotrace.platform.boundary.RequestText;
import org.exotrace.platform.boundary.RequestText.Refusal;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestTextTest {

    private static Optional<Refusal> json(String text) {
        return RequestText.ofBody(text.getBytes(StandardCharsets.UTF_8), true, StandardCharsets.UTF_8);
    }

    private static void refused(Optional<Refusal> refusal, String code, String field) {
        assertTrue(refusal.isPresent(), "refused");
        assertEquals(code, refusal.get().code(), refusal.get()::toString);
        assertEquals(field, refusal.get().field(), refusal.get()::toString);
    }

    @Test
    void wellFormedJsonWithAnyTextIsAccepted() {
        assertEquals(Optional.empty(), json("{\"name\":\"'; DROP TABLE lot; --\",\"note\":\"<script>alert(1)</script>\",\"n\":[1,2,{\"x\":null}]}"));
        assertEquals(Optional.empty(), json("{\"name\":\"\\u001d GS and \\ud83d\\ude00 and \\\\u0000 as text\"}"));
        assertEquals(Optional.empty(), json("{\"name\":\"東京 CPC\"}"));
    }

    @Test
    void aNulInsideAJsonStringIsLeftToTheResourcesAndTheDatabase() {
        assertEquals(Optional.empty(), json("{\"barcode\":\"\\u0000\\u00ffnot a barcode\"}"), "a scan answers any text with a verdict");
        assertEquals(Optional.empty(), RequestText.ofBody("assay,value\nA,\0".getBytes(StandardCharsets.UTF_8), false, StandardCharsets.UTF_8));
    }

    @Test
    void aRawControlCharacterInAJsonStringIsMalformedJson() {
        refused(json("{\"name\":\"a\0b\"}"), "MALFORMED_JSON", "body");
    }

    @Test
    void aLoneSurrogateEscapeIsRefused() {
        refused(json("{\"name\":\"\\ud800\"}"), "INVALID_CHARACTERS", "body");
        refused(json("{\"name\":\"\\ude00x\"}"), "INVALID_CHARACTERS", "body");
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] body = {'{', '"', 'n', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};
        refused(RequestText.ofBody(body, true, StandardCharsets.UTF_8), "INVALID_CHARACTERS", "body");
        refused(RequestText.ofBody(new byte[]{'"', (byte) 0xc3, (byte) 0x28, '"'}, true, StandardCharsets.UTF_8), "INVALID_CHARACTERS", "body");
    }

    @Test
    void textInTheCharsetTheClientDeclaredIsAccepted() {
        Charset sjis = Charset.forName("Shift_JIS");
        assertEquals(Optional.empty(), RequestText.ofBody("assay,method\nSTERILITY,培養法\n".getBytes(sjis), false, sjis));
        assertEquals(Optional.empty(), RequestText.ofBody("assay\nSTERILITY\n".getBytes(StandardCharsets.UTF_16), false, StandardCharsets.UTF_16),
                "UTF-16 has zero bytes, but no NUL character");
    }

    @Test
    void unclosedObjectsAndArraysAreMalformedJson() {
        refused(json("{\"x\":{"), "MALFORMED_JSON", "body");
        refused(json("{\"x\":["), "MALFORMED_JSON", "body");
        refused(json("{\"code\":\"CPC-1\""), "MALFORMED_JSON", "body");
        refused(json("{} trailing"), "MALFORMED_JSON", "body");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedAndUpToItIsAccepted() {
        int limit = RequestText.MAX_JSON_DEPTH;
        assertEquals(Optional.empty(), json("[".repeat(limit) + "]".repeat(limit)));
        refused(json("[".repeat(limit + 1) + "]".repeat(limit + 1)), "MALFORMED_JSON", "body");
        refused(json("[".repeat(100_000)), "MALFORMED_JSON", "body");
        refused(json("{\"a\":".repeat(100_000)), "MALFORMED_JSON", "body");
    }

    @Test
    void anEncodedNulOrNonUtf8ByteInTheAddressIsRefused() {
        refused(RequestText.ofUri("query", "lotNumber=A%00B"), "INVALID_CHARACTERS", "query");
        refused(RequestText.ofUri("path", "/api/lots/A%00B"), "INVALID_CHARACTERS", "path");
        refused(RequestText.ofUri("query", "lotNumber=%C3%28"), "INVALID_CHARACTERS", "query");
        refused(RequestText.ofUri("query", "lotNumber=%FF"), "INVALID_CHARACTERS", "query");
        refused(RequestText.ofUri("query", "lotNumber=%G1"), "INVALID_CHARACTERS", "query");
        refused(RequestText.ofUri("query", "lotNumber=%4"), "INVALID_CHARACTERS", "query");
    }

    @Test
    void ordinaryAddressesAreAccepted() {
        assertEquals(Optional.empty(), RequestText.ofUri("query", "lotNumber='%20OR%201=1%20--&page=0"));
        assertEquals(Optional.empty(), RequestText.ofUri("path", "/api/lots/%E6%9D%B1%E4%BA%AC-1/trace"));
        assertEquals(Optional.empty(), RequestText.ofUri("query", null));
        assertEquals(Optional.empty(), RequestText.ofUri("query", ""));
    }
}
