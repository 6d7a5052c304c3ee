package org.exotrace.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * What the launcher writes for a patient's data is not readable by the machine's other users: the data directory (the
 * embedded database, its backups, the signing key, and zonky's world-writable binaries directory) and a backup written
 * anywhere.
 */
class PrivateDataTest {

    @TempDir
    Path dir;

    @Test
    void theDataDirectoryIsMadePrivateToItsOwner() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Launcher.restrictToOwner(data);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        Launcher.restrictToOwner(data);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)), "a second start leaves it so");
    }

    @Test
    void aBackupIsReadableByItsOwnerAlone() throws Exception {
        Path pgData = Files.createDirectories(dir.resolve("postgres"));
        Files.writeString(pgData.resolve("PG_VERSION"), "17\n");
        Files.createDirectories(pgData.resolve("base/1"));
        Files.writeString(pgData.resolve("base/1/2619"), "a table's pages");
        Path usb = Files.createDirectory(dir.resolve("usb"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Path target = usb.resolve("exotrace.zip");
        Files.writeString(usb.resolve("exotrace.zip.partial"), "left by a backup that failed half-way");

        Properties manifest = Backup.write(pgData, target);

        assertEquals("offline", manifest.getProperty("mode"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        try (ZipFile zip = new ZipFile(target.toFile())) {
            assertNotNull(zip.getEntry("base/1/2619"), "the database's files are in it");
        }
        assertFalse(Files.exists(usb.resolve("exotrace.zip.partial")));
    }
}
