package dev.covet.migrations.generate;

import dev.covet.migrations.Migration;
import dev.covet.migrations.diff.RenameStats;
import dev.covet.migrations.diff.UndecidedChange;
import dev.covet.migrations.operation.Operation;

import java.nio.file.Path;
import java.util.List;

/**
 * What makemigrations did.
 *
 * @param file the file written, or {@code null} when nothing was written (no changes, a preview, or undecided changes)
 * @param migration the generated migration, or {@code null} when there were no changes or some were undecided
 * @param operations its operations (empty when nothing changed)
 * @param renames rename detection statistics
 * @param decisions what was decided and how (renames, values for existing rows), as the file's header says
 * @param undecided changes nobody settled: while there is one, no file is written
 * @param unusedFlags {@code --rename}/{@code --no-rename}/{@code --default} flags that matched nothing: no file is written
 * @param yaml the file's text (also for a preview that writes nothing), or {@code null} when there is no migration
 */
public record MakeMigrationsResult(Path file, Migration migration, List<Operation> operations, RenameStats renames,
                                   List<String> decisions, List<UndecidedChange> undecided, List<String> unusedFlags,
                                   String yaml) {
    public MakeMigrationsResult {
        operations = List.copyOf(operations);
        decisions = List.copyOf(decisions);
        undecided = List.copyOf(undecided);
        unusedFlags = List.copyOf(unusedFlags);
    }

    /** A result with no decisions to report. */
    public MakeMigrationsResult(Path file, Migration migration, List<Operation> operations, RenameStats renames) {
        this(file, migration, operations, renames, List.of(), List.of(), List.of(), null);
    }

    /** Whether a migration was written. */
    public boolean changed() {
        return file != null;
    }

    /** Whether something stopped the file from being written: an undecided change or a flag that matched nothing. */
    public boolean blocked() {
        return !undecided.isEmpty() || !unusedFlags.isEmpty();
    }

    /** Whether the entities and the migrations differ (what {@code --check} fails on). */
    public boolean differs() {
        return !operations.isEmpty() || !undecided.isEmpty();
    }
}
