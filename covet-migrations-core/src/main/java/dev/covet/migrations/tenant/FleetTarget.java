package dev.covet.migrations.tenant;

import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationRunner;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The target of a fleet run, checked once against the migration files before any tenant is touched, and the
 * migrations that come after it (those that depend on it, directly or not): a tenant with one of those applied is
 * past the target.
 */
final class FleetTarget {

    private final MigrationId target;
    private final Set<MigrationId> after;

    private FleetTarget(MigrationId target, Set<MigrationId> after) {
        this.target = target;
        this.after = after;
    }

    /**
     * The target among the runner's migration files.
     *
     * @throws MigrationException when no file has that id: every tenant would refuse it, so the run stops first
     */
    static FleetTarget of(MigrationRunner runner, MigrationId target) {
        List<Migration> migrations = runner.migrations();
        if (migrations.stream().noneMatch(m -> m.id().equals(target))) {
            throw new MigrationException("target migration '" + target + "' is not among the " + migrations.size()
                    + " migration files of " + runner.config().locations() + "; no tenant was touched. Give the id of"
                    + " a file there (covet status lists them)");
        }
        // Files come in dependency order: what depends on the target, or on something after it, comes after it.
        Set<MigrationId> after = new HashSet<>();
        for (Migration m : migrations) {
            if (m.dependencies().stream().anyMatch(d -> d.equals(target) || after.contains(d))) {
                after.add(m.id());
            }
        }
        return new FleetTarget(target, Set.copyOf(after));
    }

    MigrationId id() {
        return target;
    }

    /** Of a tenant's applied migrations, those after the target, in the order given. */
    List<MigrationId> pastTarget(List<MigrationId> applied) {
        return applied.stream().filter(after::contains).toList();
    }
}
