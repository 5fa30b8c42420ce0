package dev.covet.migrations.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A temporary migrations directory that tests write files into. */
final class MigrationFiles implements AutoCloseable {

    private final Path dir;

    MigrationFiles() {
        try {
            dir = Files.createTempDirectory("covet-migrations-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }

    String location() {
        return "filesystem:" + dir;
    }

    MigrationFiles write(String fileName, String content) {
        try {
            Files.writeString(dir.resolve(fileName), content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files
        }
    }
}
