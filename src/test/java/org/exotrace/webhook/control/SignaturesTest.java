package org.exotrace.webhook.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class SignaturesTest {

    @Test
    void theSignatureIsTheHmacSha256OfTimestampDotBodyInLowerCaseHex() {
        // the same as: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
        assertEquals("sha256=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686",
                Signatures.sign("secret", 1_700_000_000L, "{\"a\":1}"));
    }

    @Test
    void anotherTimestampOrBodyGivesAnotherSignature() {
        String signed = Signatures.sign("secret", 1_700_000_000L, "{\"a\":1}");
        assertNotEquals(signed, Signatures.sign("secret", 1_700_000_001L, "{\"a\":1}"));
        assertNotEquals(signed, Signatures.sign("secret", 1_700_000_000L, "{\"a\":2}"));
        assertNotEquals(signed, Signatures.sign("other", 1_700_000_000L, "{\"a\":1}"));
    }
}
