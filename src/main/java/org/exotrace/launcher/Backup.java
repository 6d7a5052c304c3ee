package org.exotrace.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Backup and restore of the embedded PostgreSQL (docs/adr/0017), from the command line:
 * {@code java -jar exotrace.jar --backup [FILE]} and {@code --restore FILE}.
 *
 * <p>A backup is a physical copy of the data directory in one zip: while the service runs, taken with PostgreSQL's
 * low-level base-backup API ({@code pg_backup_start}, copy, {@code pg_backup_stop}, then the WAL written meanwhile and the
 * {@code backup_label}), as {@code pg_basebackup -X fetch} would; while it is stopped, the directory as it is. A restored
 * directory replays its WAL at the first start and holds every transaction committed before the backup ended, the audit
 * chain included, byte for byte. The embedded PostgreSQL ships no {@code pg_dump} of its version (17), hence no logical
 * dump; a production PostgreSQL is backed up with its own tools (README, Backups).
 */
final class Backup {

    static final String MANIFEST = "exotrace-backup.properties";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** Contents PostgreSQL rebuilds at start, left out of a base backup (PostgreSQL documentation, 26.3.3.2). */
    private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "pg_wal", "pg_replslot",
            "pg_stat_tmp", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans", "backup_label", "tablespace_map");

    private Backup() {
    }

    /** The default file of a backup taken now: {@code <data>/backups/exotrace-20261125T190102Z.zip}. */
    static Path defaultTarget(Path dataDir) {
        return dataDir.resolve("backups").resolve("exotrace-" + STAMP.format(Instant.now()) + ".zip");
    }

    /** Writes a backup of {@code pgData} to {@code target}; what it holds, for the operator. */
    static Properties write(Path pgData, Path target) throws IOException, SQLException {
        if (!Files.isRegularFile(pgData.resolve("PG_VERSION"))) {
            throw new IllegalStateException("no embedded database in " + pgData);
        }
        if (Files.exists(target)) {
            throw new IllegalStateException(target + " exists already");
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Properties manifest = new Properties();
        Optional<ProcessHandle> running = StalePostmaster.of(pgData);
        // the whole database, patients and doses: readable by the service's user alone, wherever it is written
        try (OutputStream file = Files.newOutputStream(ownerOnlyFile(partial)); ZipOutputStream zip = new ZipOutputStream(file)) {
            if (running.isPresent()) {
                online(pgData, zip, manifest);
            } else {
                manifest.setProperty("mode", "offline");
                copyTree(pgData, pgData, zip, true);
            }
            manifest.setProperty("written", Instant.now().toString());
            zip.putNextEntry(new ZipEntry(MANIFEST));
            manifest.store(zip, "ExoTrace backup of " + pgData);
            zip.closeEntry();
        } catch (IOException | SQLException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target);
        manifest.setProperty("bytes", String.valueOf(Files.size(target)));
        return manifest;
    }

    private static void online(Path pgData, ZipOutputStream zip, Properties manifest) throws IOException, SQLException {
        int port = Integer.parseInt(Files.readAllLines(pgData.resolve("postmaster.pid")).get(3).strip());
        String url = "jdbc:postgresql://localhost:" + port + "/";
        String password = EmbeddedRoles.of(pgData).password(EmbeddedRoles.SUPERUSER);
        try (Connection postgres = DriverManager.getConnection(url + "postgres", EmbeddedRoles.SUPERUSER, password);
             Statement backup = postgres.createStatement()) {
            audit(url, password, manifest);
            ResultSet start = backup.executeQuery("SELECT pg_backup_start('exotrace', true)");
            start.next();
            manifest.setProperty("mode", "online");
            manifest.setProperty("startLsn", start.getString(1));
            try {
                copyTree(pgData, pgData, zip, false);
            } catch (IOException | RuntimeException e) {
                backup.execute("SELECT pg_backup_stop(false)");
                throw e;
            }
            ResultSet stop = backup.executeQuery("SELECT lsn, labelfile, spcmapfile FROM pg_backup_stop(false)");
            stop.next();
            manifest.setProperty("stopLsn", stop.getString(1));
            put(zip, "backup_label", stop.getString(2));
            String map = stop.getString(3);
            if (map != null && !map.isEmpty()) {
                put(zip, "tablespace_map", map);
            }
            // the WAL from the start to the stop (the launcher keeps wal_keep_size of it), so the copy replays to consistency
            copyTree(pgData, pgData.resolve("pg_wal"), zip, false);
        }
    }

    /** The audit trail as it stands when the backup begins: a restore holds at least this. */
    private static void audit(String url, String password, Properties manifest) throws SQLException {
        try (Connection exotrace = DriverManager.getConnection(url + EmbeddedRoles.DATABASE, EmbeddedRoles.SUPERUSER, password);
             ResultSet last = exotrace.createStatement().executeQuery(
                     "SELECT (SELECT max(seq) FROM audit_entry), (SELECT size || '.' || root FROM audit_checkpoint ORDER BY size DESC LIMIT 1)")) {
            if (last.next() && last.getObject(1) != null) {
                manifest.setProperty("auditSeqAtStart", String.valueOf(last.getLong(1)));
                if (last.getString(2) != null) {
                    // the newest checkpoint of the sealed trail (docs/adr/0038): --verify-audit --checkpoint takes it after a restore
                    manifest.setProperty("auditCheckpointAtStart", last.getString(2));
                }
            }
        } catch (SQLException noSchemaYet) {
            manifest.setProperty("auditSeqAtStart", "none");
        }
    }

    /** Creates {@code file} readable and writable by its owner alone (where the file system has POSIX permissions). */
    private static Path ownerOnlyFile(Path file) throws IOException {
        Files.deleteIfExists(file); // left by a backup that failed half-way
        try {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return Files.createFile(file);
        }
    }

    /**
     * Adds {@code from} and what lies under it to the zip, named relative to {@code pgData}. Walking the whole directory,
     * the contents of {@link #LEFT_OUT} are skipped (their directories kept, PostgreSQL needs them), but the WAL when
     * {@code withWal} (a stopped server's WAL belongs to its copy); walking {@code pg_wal} after the stop, everything but
     * the archiver's status files.
     */
    private static void copyTree(Path pgData, Path from, ZipOutputStream zip, boolean withWal) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(from)) {
            paths = walk.filter(p -> !p.equals(from)).toList();
        }
        boolean wholeDirectory = from.equals(pgData);
        for (Path path : paths) {
            Path relative = pgData.relativize(path);
            boolean directory = Files.isDirectory(path);
            if (wholeDirectory ? leftOut(relative, directory, withWal) : isArchiveStatus(relative)) {
                continue;
            }
            String name = relative.toString().replace('\\', '/');
            if (directory) {
                zip.putNextEntry(new ZipEntry(name + "/"));
                zip.closeEntry();
                continue;
            }
            try (InputStream in = Files.newInputStream(path)) {
                zip.putNextEntry(new ZipEntry(name));
                in.transferTo(zip);
                zip.closeEntry();
            } catch (NoSuchFileException vanished) {
                // a temporary file PostgreSQL removed meanwhile: the WAL replay does not need it
            }
        }
    }

    private static boolean leftOut(Path relative, boolean directory, boolean withWal) {
        String first = relative.getName(0).toString();
        if (!LEFT_OUT.contains(first) || withWal && first.equals("pg_wal")) {
            return false;
        }
        return relative.getNameCount() > 1 || !directory;
    }

    private static boolean isArchiveStatus(Path relative) {
        return relative.startsWith(Path.of("pg_wal", "archive_status")) && relative.getNameCount() > 2;
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Unpacks {@code backup} into {@code pgData}, which must not hold a database; the manifest it carried. */
    static Properties restore(Path backup, Path pgData) throws IOException {
        if (Files.isDirectory(pgData)) {
            try (Stream<Path> any = Files.list(pgData)) {
                if (any.findAny().isPresent()) {
                    throw new IllegalStateException(pgData + " is not empty: move it aside first (a restore never overwrites a database)");
                }
            }
        }
        Files.createDirectories(pgData);
        Properties manifest = new Properties();
        try (InputStream file = Files.newInputStream(backup); ZipInputStream zip = new ZipInputStream(file)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals(MANIFEST)) {
                    manifest.load(zip);
                    continue;
                }
                Path path = pgData.resolve(entry.getName()).normalize();
                if (!path.startsWith(pgData)) {
                    throw new IllegalStateException("entry outside the data directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(zip, path);
                }
            }
        }
        if (manifest.isEmpty()) {
            throw new IllegalStateException(backup + " is not an ExoTrace backup (no " + MANIFEST + ")");
        }
        Files.setPosixFilePermissions(pgData, PosixFilePermissions.fromString("rwx------"));
        return manifest;
    }
}
