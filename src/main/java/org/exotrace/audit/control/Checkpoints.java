package org.exotrace.audit.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The export file of checkpoints: one JSON line each, appended as they are made (docs/adr/0038). */
public final class Checkpoints {

    private Checkpoints() {
    }

    /** The default file, in the data directory. */
    public static Path defaultFile(Path dataDir) {
        return dataDir.resolve("audit-checkpoints.jsonl");
    }

    /** Every checkpoint in the file (none when there is no file). */
    public static List<Checkpoint> read(Path file) {
        List<Checkpoint> found = new ArrayList<>();
        each(file, found::add);
        return found;
    }

    /**
     * The checkpoint of the largest size in the file, read line by line (the file grows with every pass): the one a
     * verification needs, since every earlier checkpoint's root is a seal of the same keyed chain.
     */
    public static List<Checkpoint> newest(Path file) {
        Checkpoint[] newest = {null};
        each(file, c -> {
            if (newest[0] == null || c.size() > newest[0].size()) {
                newest[0] = c;
            }
        });
        return newest[0] == null ? List.of() : List.of(newest[0]);
    }

    /** Each checkpoint of the file in turn; a line that is not one (a torn last write) is skipped. */
    private static void each(Path file, Consumer<Checkpoint> action) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.filter(line -> !line.isBlank()).forEach(line -> {
                Checkpoint c;
                try {
                    c = Checkpoint.ofJson(line);
                } catch (RuntimeException torn) {
                    return;
                }
                action.accept(c);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit checkpoints at " + file, e);
        }
    }
}
