package dev.covet.migrations;

import dev.covet.migrations.drift.DriftReport;

import java.util.List;
import java.util.Objects;

/**
 * Everything a status page or {@code covet validate} reports about one database, answered from one load of the
 * migration files, one plan and one history read ({@link MigrationRunner#check()}).
 *
 * @param status applied, pending, failed, missing and modified migrations, as {@link MigrationRunner#status()}
 * @param problem why the files do not validate against the history, as {@link MigrationRunner#validate()} would
 *        fail (a modified applied migration, a pending migration that does not render), or {@code null} when
 *        they do
 * @param drift where the live database differs from what the applied migrations project, as
 *        {@link MigrationRunner#drift()}; not checked, with the reason, by design (raw SQL) or because the live
 *        schema could not be read ({@link DriftReport#failed()})
 * @param migrations every effective migration file in dependency order (squashed ones resolved), as the plan
 *        ordered them: a picture of the dependency graph without loading the files again
 */
public record MigrationCheck(MigrationStatus status, String problem, DriftReport drift, List<Migration> migrations) {

    public MigrationCheck {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(drift, "drift");
        migrations = migrations == null ? List.of() : List.copyOf(migrations);
    }

    /** A check without the ordered migrations (the form before they were part of it). */
    public MigrationCheck(MigrationStatus status, String problem, DriftReport drift) {
        this(status, problem, drift, List.of());
    }

    /** Whether the files validate against the history ({@link #problem()} is {@code null}). */
    public boolean valid() {
        return problem == null;
    }

    /** Whether drift went unchecked because of an error, rather than by design: a gate should not pass then. */
    public boolean driftCheckFailed() {
        return drift.failed();
    }
}
