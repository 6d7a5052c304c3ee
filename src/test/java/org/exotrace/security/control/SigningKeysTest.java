package org.exotrace.security.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SigningKeysTest {

    @Test
    void aKeyGeneratedOnFirstStartIsTheSameAfterARestart(@TempDir Path dir) {
        Path file = dir.resolve("keys").resolve("token-signing-key.pem");
        SigningKeys first = SigningKeys.loadOrCreate(file);
        SigningKeys again = SigningKeys.loadOrCreate(file);
        assertEquals(first.keyId(), again.keyId());
        assertEquals(first.publicKey(), again.publicKey());
    }

    @Test
    void theKeyFileIsReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token-signing-key.pem");
        SigningKeys.loadOrCreate(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void twoDataDirectoriesGetTwoDifferentKeys(@TempDir Path dir) {
        assertNotEquals(SigningKeys.loadOrCreate(dir.resolve("a.pem")).keyId(), SigningKeys.loadOrCreate(dir.resolve("b.pem")).keyId());
    }

    @Test
    void thePublicKeyIsOfferedAsPemForMicroProfileJwt(@TempDir Path dir) {
        String pem = SigningKeys.loadOrCreate(dir.resolve("k.pem")).publicKeyPem();
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertTrue(pem.endsWith("-----END PUBLIC KEY-----"));
    }
}
