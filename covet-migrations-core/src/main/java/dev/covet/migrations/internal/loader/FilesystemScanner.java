package dev.covet.migrations.internal.loader;

import dev.covet.migrations.loader.MigrationFileException;
import dev.covet.migrations.MigrationException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists migration files under a directory. A file or link that resolves outside the directory is refused:
 * a location cannot be used to read files elsewhere on the machine.
 */
final class FilesystemScanner {

    private static final int MAX_DEPTH = 16;

    private FilesystemScanner() {
    }

    /**
     * The migration-format files under {@code root}, each checked to resolve inside it.
     *
     * @param label how the root is named in messages
     */
    static List<RawFile> scan(Path root, String label) {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new MigrationException("migration location " + label + " does not exist or cannot be read (" + root + ")");
        }
        if (!Files.isDirectory(realRoot)) {
            throw new MigrationException("migration location " + label + " is not a directory (" + root + ")");
        }
        List<RawFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(realRoot, MAX_DEPTH)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                String name = p.getFileName().toString();
                if (p.equals(realRoot) || FileFormat.ofFileName(name).isEmpty()) {
                    continue;
                }
                String display = label + "/" + realRoot.relativize(p).toString().replace('\\', '/');
                // The walk starts at the real root and does not descend into linked directories, so only the file
                // itself can be a link: one stat decides, and only a link pays for resolving its real path.
                Path real = p;
                BasicFileAttributes attributes = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isSymbolicLink()) {
                    real = p.toRealPath();
                    if (!real.startsWith(realRoot)) {
                        throw new MigrationFileException(display, null, "is a link to " + real
                                + ", outside the migration location: copy the file into the location instead");
                    }
                    attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                }
                if (!attributes.isRegularFile()) {
                    continue;
                }
                files.add(new RawFile(name, display, MigrationLoader.readBounded(real, attributes.size(), display)));
            }
        } catch (IOException e) {
            throw new MigrationException("cannot read migration location " + label + ": " + e.getMessage(), e);
        }
        return files;
    }
}
