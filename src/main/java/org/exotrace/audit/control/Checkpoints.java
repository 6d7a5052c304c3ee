package org.exotrace.audit.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The export file of checkpoints: one JSON line each, appended as they are made (docs/adr/0038). */
public final class Checkpoints {

    private Checkpoints() {
    }

    /** The default file, in the data directory. */
    public static Path defaultFile(Path dataDir) {
        return dataDir.resolve("audit-checkpoints.jsonl");
    }

    /** Every checkpoint in the file (none when there is no file); a line that is not one (a torn last write) is skipped. */
    public static List<Checkpoint> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Checkpoint> found = new ArrayList<>();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.filter(line -> !line.isBlank()).forEach(line -> {
                try {
                    found.add(Checkpoint.ofJson(line));
                } catch (RuntimeException torn) {
                    // a line cut short by a crash while it was written
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit checkpoints at " + file, e);
        }
        return found;
    }
}
