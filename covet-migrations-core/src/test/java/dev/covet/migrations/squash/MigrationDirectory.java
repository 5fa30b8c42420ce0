package dev.covet.migrations.squash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary migrations directory that squash tests write files into, copy and delete from. */
final class MigrationDirectory implements AutoCloseable {

    private final Path dir;

    MigrationDirectory() {
        try {
            dir = Files.createTempDirectory("covet-squash-");
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

    MigrationDirectory write(String fileName, String content) {
        try {
            Files.writeString(dir.resolve(fileName), content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies every file of this directory into {@code other}. */
    MigrationDirectory copyTo(MigrationDirectory other) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.copy(p, other.dir.resolve(p.getFileName()));
            }
            return other;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String fileName) {
        try {
            Files.delete(dir.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the OS cleans up what is left
        }
    }
}
