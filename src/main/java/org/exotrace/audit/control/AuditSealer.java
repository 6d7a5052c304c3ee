package org.exotrace.audit.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.exotrace.platform.control.SchemaReady;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The service's single sealer (docs/adr/0038): every {@code exotrace.audit.seal-interval} (default 200 ms) it seals the
 * committed entries that are not yet sealed ({@link Sealing}) and appends the checkpoint it made to the export file
 * ({@code exotrace.audit.checkpoint-file}, default {@code <exotrace.data.dir>/audit-checkpoints.jsonl}), outside the
 * database. Writers never wait for it. It looks for unsealed entries among the newest {@link #WINDOW} numbers, and over
 * the whole table at start and every {@link #SWEEP}, for an entry whose transaction committed long after it took its
 * number.
 */
@ApplicationScoped
public class AuditSealer {

    private static final Logger LOG = Logger.getLogger(AuditSealer.class.getName());
    static final int LIMIT = 10_000;
    static final long WINDOW = 10_000;
    static final Duration SWEEP = Duration.ofMinutes(5);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Sealing sealing;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "exotrace.data.dir", defaultValue = "data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "exotrace.audit.key-file")
    Optional<String> keyFile;

    @Inject
    @ConfigProperty(name = "exotrace.audit.checkpoint-file")
    Optional<String> checkpointFile;

    @Inject
    @ConfigProperty(name = "exotrace.audit.seal-interval", defaultValue = "PT0.2S")
    String interval;

    private volatile byte[] key;
    private volatile ScheduledFuture<?> schedule;
    private volatile String stopped;
    private long lastSeq;
    private long lastSweep;

    void onSchemaReady(@Observes SchemaReady ready) {
        if (schedule != null) {
            return;
        }
        key = SealKey.loadOrCreate(keyFile());
        long every = Math.max(10, Duration.parse(interval).toMillis());
        schedule = scheduler.scheduleWithFixedDelay(this::pass, 0, every, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Audit sealing every " + every + " ms with key " + AuditHash.keyId(key) + " (" + keyFile() + "); checkpoints go to "
                + checkpointFile());
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> s = schedule;
        if (s != null) {
            s.cancel(false);
        }
    }

    /** The sealing key file: {@code exotrace.audit.key-file}, or {@code <data>/keys/audit-seal-key}. */
    public Path keyFile() {
        return keyFile.filter(s -> !s.isBlank()).map(Path::of).orElse(SealKey.defaultFile(Path.of(dataDir)));
    }

    /** The export file of checkpoints: {@code exotrace.audit.checkpoint-file}, or {@code <data>/audit-checkpoints.jsonl}. */
    public Path checkpointFile() {
        return checkpointFile.filter(s -> !s.isBlank()).map(Path::of).orElse(Checkpoints.defaultFile(Path.of(dataDir)));
    }

    /** The sealing key (loaded at start). */
    public byte[] key() {
        byte[] k = key;
        return k == null ? SealKey.loadOrCreate(keyFile()) : k.clone();
    }

    /** Why sealing stopped (an old chain broken before the migration), or null while it runs. */
    public String stopped() {
        return stopped;
    }

    /** Seals what is committed until nothing is left; a failure is logged and tried again at the next pass. */
    synchronized void pass() {
        if (stopped != null) {
            return;
        }
        try {
            long now = System.nanoTime();
            boolean sweep = lastSweep == 0 || now - lastSweep > SWEEP.toNanos();
            long from = sweep ? 0 : Math.max(0, lastSeq - WINDOW);
            if (sweep) {
                lastSweep = now;
            }
            Sealing.Pass pass;
            do {
                pass = sealing.seal(key, from, LIMIT, clock.instant());
                lastSeq = Math.max(lastSeq, pass.lastSeq());
                if (pass.checkpoint() != null) {
                    export(pass.checkpoint());
                }
            } while (pass.sealed() == LIMIT);
        } catch (Sealing.LegacyChainBroken e) {
            stopped = "the audit chain written before sealing (V21) is broken, so it was not sealed: " + e.getMessage();
            LOG.severe(stopped);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sealing the audit trail failed, trying again at the next pass: " + e.getMessage());
        }
    }

    private void export(Checkpoint checkpoint) {
        Path file = checkpointFile();
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            if (!Files.exists(file)) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another instance made it
                }
            }
            Files.writeString(file, checkpoint.json() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.WARNING, "Audit checkpoint " + checkpoint.text() + " was not exported to " + file + ": " + e.getMessage());
        }
    }
}
