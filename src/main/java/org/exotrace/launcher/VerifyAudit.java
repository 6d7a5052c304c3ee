package org.exotrace.launcher;

import org.exotrace.audit.control.Checkpoint;
import org.exotrace.audit.control.Checkpoints;
import org.exotrace.audit.control.SealKey;
import org.exotrace.audit.control.SealVerifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar exotrace.jar --verify-audit [--checkpoint SIZE.ROOT]... [--checkpoints FILE] [--key FILE]}: verifies
 * the sealed audit trail (docs/adr/0038) with no service running, by the same {@link SealVerifier} as
 * {@code GET /api/audit/verify}, against the export file of checkpoints ({@code exotrace.audit.checkpoint-file}) and the
 * checkpoints given. The database is {@code exotrace.db.url} when set, else the embedded one, started for the check
 * when the service is not running. Exit status 0 intact, 1 broken, 2 when it could not verify.
 */
final class VerifyAudit {

    private VerifyAudit() {
    }

    static int command(String[] args, Path dataDir) {
        List<Checkpoint> kept = new ArrayList<>();
        Path key = Launcher.setting("exotrace.audit.key-file").map(Path::of).orElse(SealKey.defaultFile(dataDir));
        Path checkpoints = Launcher.setting("exotrace.audit.checkpoint-file").map(Path::of).orElse(Checkpoints.defaultFile(dataDir));
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                return usage("'" + option + "' needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--checkpoint" -> {
                    Checkpoint c = Checkpoint.ofText(value);
                    if (c == null) {
                        return usage("'" + value + "' is not a checkpoint: size.root (digits, a dot, 64 hex digits)");
                    }
                    kept.add(c);
                }
                case "--checkpoints" -> checkpoints = Path.of(value);
                case "--key" -> key = Path.of(value);
                default -> {
                    return usage("unknown option '" + option + "'");
                }
            }
        }
        try {
            if (!Files.isRegularFile(key)) {
                System.err.println("ExoTrace: no audit sealing key at " + key + " (--key FILE, or exotrace.audit.key-file)");
                return 2;
            }
            byte[] secret = SealKey.load(key);
            List<Checkpoint> outside = new ArrayList<>(Checkpoints.newest(checkpoints));
            outside.addAll(kept);
            System.out.println("ExoTrace: verifying the audit trail against " + outside.size() + " checkpoints held outside (" + checkpoints
                    + (kept.isEmpty() ? "" : " and " + kept.size() + " given") + ")");
            if (Launcher.setting("exotrace.db.url").isPresent()) {
                try (Connection db = DriverManager.getConnection(Launcher.setting("exotrace.db.url").get(),
                        Launcher.setting("exotrace.db.user").orElse(null), Launcher.setting("exotrace.db.password").orElse(null))) {
                    return verify(db, secret, outside, System.out);
                }
            }
            return embedded(dataDir, secret, outside);
        } catch (IOException | SQLException | RuntimeException e) {
            System.err.println("ExoTrace: the audit trail could not be verified: " + e);
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private static int embedded(Path dataDir, byte[] key, List<Checkpoint> outside) throws IOException, SQLException, InterruptedException {
        Path pgData = dataDir.resolve("postgres");
        if (!Files.isRegularFile(pgData.resolve("PG_VERSION"))) {
            System.err.println("ExoTrace: no embedded database in " + pgData + " (set exotrace.data.dir, or exotrace.db.url for your own)");
            return 2;
        }
        int port = Launcher.setting("exotrace.embedded-db.port").map(Integer::parseInt).orElse(Launcher.DEFAULT_EMBEDDED_PORT);
        EmbeddedRoles roles = EmbeddedRoles.of(pgData);
        String url = "jdbc:postgresql://localhost:" + port + "/" + EmbeddedRoles.DATABASE;
        PostmasterWatch started = StalePostmaster.of(pgData).isPresent() ? null : Launcher.startEmbeddedDatabase(dataDir, pgData, port, roles);
        try (Connection db = DriverManager.getConnection(url, EmbeddedRoles.APP, roles.password(EmbeddedRoles.APP))) {
            return verify(db, key, outside, System.out);
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }

    /** Verifies and reports on {@code out}; answers the exit status (0 intact, 1 broken). */
    static int verify(Connection db, byte[] key, List<Checkpoint> outside, PrintStream out) throws SQLException {
        SealVerifier.Result r = new SealVerifier(db, key).verify(outside);
        if (r.intact()) {
            out.println("ExoTrace: the audit trail is intact: " + r.sealed() + " sealed entries, " + r.unsealed() + " not yet sealed; last checkpoint "
                    + (r.lastCheckpoint() == null ? "none" : r.lastCheckpoint().text() + " made " + r.lastCheckpoint().madeAt()));
            return 0;
        }
        out.println("ExoTrace: the audit trail is BROKEN" + (r.firstBrokenSeq() == null ? "" : " at entry " + r.firstBrokenSeq()) + ": " + r.problem());
        return 1;
    }

    private static int usage(String problem) {
        System.err.println("ExoTrace: " + problem + "\nusage: java -jar exotrace.jar --verify-audit [--checkpoint SIZE.ROOT]..."
                + " [--checkpoints FILE] [--key FILE]");
        return 2;
    }
}
