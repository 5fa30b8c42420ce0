package dev.covet.migrations.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary migrations directory that tests write files into. */
public final class MigrationFiles implements AutoCloseable {

    private final Path dir;

    public MigrationFiles() {
        try {
            dir = Files.createTempDirectory("covet-migrations-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public String location() {
        return "filesystem:" + dir;
    }

    public MigrationFiles write(String fileName, String content) {
        try {
            Files.writeString(dir.resolve(fileName), content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies every file of this directory into {@code other}. */
    public MigrationFiles copyTo(MigrationFiles other) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.copy(p, other.dir.resolve(p.getFileName()));
            }
            return other;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes one file. */
    public void delete(String fileName) {
        try {
            Files.delete(dir.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files
        }
    }
}
