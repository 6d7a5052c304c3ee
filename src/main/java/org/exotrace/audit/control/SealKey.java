package org.exotrace.audit.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The key the audit trail is sealed with (HMAC-SHA256, 32 random bytes as 64 hex digits), kept in a file outside the
 * database: {@code exotrace.audit.key-file}, by default {@code <exotrace.data.dir>/keys/audit-seal-key}, created
 * owner-only at the first start. The database holds only the key's id; whoever can read the database and not this file
 * cannot make a seal or a checkpoint (docs/adr/0038).
 */
public final class SealKey {

    /** The default file, under the data directory. */
    public static Path defaultFile(Path dataDir) {
        return dataDir.resolve("keys").resolve("audit-seal-key");
    }

    private SealKey() {
    }

    /** Reads the key, creating the file with a new key when there is none (the service, at its start). */
    public static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(tmp, HexFormat.of().formatHex(key) + "\n", StandardCharsets.US_ASCII);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    Files.deleteIfExists(tmp);
                }
            }
            return load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the audit sealing key at " + file, e);
        }
    }

    /** Reads the key; a verifier never creates one. */
    public static byte[] load(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!text.matches("[0-9a-f]{64}")) {
                throw new IllegalStateException("the audit sealing key at " + file + " is not 64 hex digits");
            }
            return HexFormat.of().parseHex(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit sealing key at " + file, e);
        }
    }
}
