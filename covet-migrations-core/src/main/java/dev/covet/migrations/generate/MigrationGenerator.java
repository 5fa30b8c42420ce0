package dev.covet.migrations.generate;

import dev.covet.migrations.internal.generate.MigrationNamer;
import dev.covet.migrations.internal.generate.MigrationYamlWriter;
import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.internal.loader.MigrationLoader;
import dev.covet.migrations.internal.loader.MigrationSource;
import dev.covet.migrations.operation.Operation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns operations (usually from {@link dev.covet.migrations.diff.DiffEngine}) into a numbered migration and
 * writes it as a YAML file that {@link MigrationLoader} reads back to the same operations.
 *
 * <p>Numbering: a new migration of an app takes the number after the highest of that app's existing
 * migrations (given to the constructor, or found with {@link #fromLocations}) and depends on that app's latest
 * migration. The generator remembers what it generated, so several calls number on.
 */
public final class MigrationGenerator {

    /** What {@link MigrationLoader} accepts as a file name (without extension); nothing here can leave a directory. */
    private static final Pattern FILE_NAME = Pattern.compile("\\d+_[A-Za-z0-9_]+");
    private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json", ".sql");
    private static final Comparator<MigrationId> ORDER =
            Comparator.comparingLong(MigrationId::number).thenComparing(MigrationId::name);

    private final List<MigrationId> existing;

    /** A generator for a project with no migrations yet. */
    public MigrationGenerator() {
        this(List.of());
    }

    /** A generator that numbers after the given existing migrations. */
    public MigrationGenerator(Collection<MigrationId> existing) {
        this.existing = new ArrayList<>(existing);
    }

    /** A generator that numbers after the migrations found in the locations ({@code classpath:...}, {@code filesystem:...}). */
    public static MigrationGenerator fromLocations(List<String> locations, ClassLoader classLoader) {
        List<MigrationId> ids = new MigrationLoader(classLoader).list(locations).stream().map(MigrationSource::id).toList();
        return new MigrationGenerator(ids);
    }

    /**
     * A migration of the operations.
     *
     * @param operations what the migration does; empty for a migration to fill in by hand
     * @param name its name without number, e.g. {@code add_users_email}; {@code null} or blank to name it after
     *        the operations. Made snake_case with only {@code [a-z0-9_]}; the whole name is kept to 60 characters.
     * @param app its app, or {@code null} for the default app
     */
    public Migration generateMigration(List<Operation> operations, String name, String app) {
        if (operations == null) {
            throw new IllegalArgumentException("operations must not be null (pass an empty list for a hand-written migration)");
        }
        String theApp = app == null || app.isBlank() ? MigrationId.DEFAULT_APP : app.trim();
        Optional<MigrationId> leaf = existing.stream().filter(id -> id.app().equals(theApp)).max(ORDER);
        long number = leaf.map(MigrationId::number).orElse(0L) + 1;
        String prefix = String.format("%04d_", number);
        int room = MigrationNamer.MAX_NAME_LENGTH - prefix.length();
        String slug = name == null ? "" : MigrationNamer.cut(MigrationNamer.sanitize(name), room);
        if (slug.isEmpty()) {
            slug = MigrationNamer.slug(operations, room);
        }
        MigrationId id = new MigrationId(theApp, prefix + slug);
        existing.add(id);
        String description = operations.isEmpty() ? "Written by hand" : MigrationNamer.describe(operations);
        return new Migration(id, description, leaf.map(List::of).orElse(List.of()), operations,
                null, null, List.of(), null, null);
    }

    /**
     * Writes the migration to {@code dir} (created if missing) as {@code <name>.yaml}.
     *
     * @return the file written
     * @throws MigrationException when a file of that migration exists already (in any format: it is never
     *         overwritten), or the file cannot be written
     */
    public Path saveMigration(Migration migration, Path dir) {
        return saveMigration(migration, dir, List.of());
    }

    /**
     * Writes the migration as {@link #saveMigration(Migration, Path)} does, with {@code notes} as comments at the
     * top of the file (what was decided when it was generated, so a reviewer sees it).
     */
    public Path saveMigration(Migration migration, Path dir, List<String> notes) {
        String name = migration.id().name();
        if (!FILE_NAME.matcher(name).matches()) {
            throw new MigrationException("cannot save migration '" + name + "': a file name is digits, '_', then letters,"
                    + " digits and '_'");
        }
        String yaml = render(migration, notes);
        try {
            Files.createDirectories(dir);
            for (String ext : EXTENSIONS) {
                if (Files.exists(dir.resolve(name + ext))) {
                    throw new MigrationException("migration " + name + " exists already: " + dir.resolve(name + ext)
                            + " (it is not overwritten; pick another name or remove the file)");
                }
            }
            Path file = dir.resolve(name + ".yaml");
            // CREATE_NEW: refuse to overwrite even if the file appeared since the check above.
            Files.writeString(file, yaml, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return file;
        } catch (FileAlreadyExistsException e) {
            throw new MigrationException("migration " + name + " exists already: " + e.getFile() + " (it is not overwritten)", e);
        } catch (IOException e) {
            throw new MigrationException("cannot write migration " + name + " to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The YAML {@link #saveMigration} writes, without writing it (for dry runs and previews). */
    public String render(Migration migration) {
        return MigrationYamlWriter.write(migration);
    }

    /** The YAML with {@code notes} as comments at the top. */
    public String render(Migration migration, List<String> notes) {
        if (notes.isEmpty()) {
            return render(migration);
        }
        StringBuilder b = new StringBuilder("# Decided when this file was generated:\n");
        // A note holds names from the entities: keep it on its line whatever they contain.
        notes.forEach(n -> b.append("#   ").append(n.replaceAll("\\p{Cntrl}", "?")).append('\n'));
        return b.append(render(migration)).toString();
    }
}
