package dev.covet.migrations.squash;

import dev.covet.migrations.internal.squash.OperationOptimizer;
import dev.covet.migrations.internal.squash.SchemaDifferences;
import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.internal.graph.MigrationGraph;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.schema.SchemaException;
import dev.covet.migrations.schema.SchemaState;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Squashes the older migrations of an app into one that {@code replaces} them. A database that applied all the
 * originals treats the squashed migration as applied; one part-way through continues with the originals; a
 * fresh one runs only the squashed migration.
 *
 * <p>The squashed migration is numbered like the last migration it replaces ({@code 0400_squashed_0001_0400}),
 * so files after the range keep depending on "the previous file" correctly.
 */
public final class MigrationSquasher {

    private final OperationOptimizer optimizer = new OperationOptimizer();

    /** Squashes all but the {@code preserveRecent} newest migrations, checking against an empty schema. */
    public SquashResult squashMigrations(List<Migration> migrations, String targetName, int preserveRecent) {
        return squashMigrations(migrations, targetName, preserveRecent, SchemaState.empty());
    }

    /**
     * Squashes all but the {@code preserveRecent} newest migrations of one app.
     *
     * @param base the schema the first replaced migration starts from (other apps' tables), for the check that
     *        the squashed operations project the same schema as the originals
     */
    public SquashResult squashMigrations(List<Migration> migrations, String targetName, int preserveRecent, SchemaState base) {
        if (preserveRecent < 0) {
            throw new IllegalArgumentException("preserveRecent must be 0 or more, was " + preserveRecent);
        }
        List<Migration> ordered = MigrationGraph.of(migrations).order();
        List<String> conflicts = new ArrayList<>();
        Set<String> apps = new LinkedHashSet<>();
        ordered.forEach(m -> apps.add(m.id().app()));
        if (apps.size() > 1) {
            conflicts.add("migrations of several apps " + apps + ": squash one app at a time");
        }
        int end = Math.max(0, ordered.size() - preserveRecent);
        List<Migration> range = ordered.subList(0, end);
        List<MigrationId> preserved = ordered.subList(end, ordered.size()).stream().map(Migration::id).toList();
        if (range.size() < 2) {
            conflicts.add("nothing to squash: " + range.size() + " migration(s) before the " + preserveRecent + " preserved");
            return new SquashResult(false, range.size(), count(range), count(range), 0, conflicts, null,
                    range.stream().map(Migration::id).toList(), preserved);
        }
        List<Operation> all = new ArrayList<>();
        Set<MigrationId> ids = new LinkedHashSet<>();
        Set<MigrationId> external = new LinkedHashSet<>();
        for (Migration m : range) {
            ids.add(m.id());
            if (!m.replaces().isEmpty()) {
                conflicts.add(m.id() + " (" + m.source() + ") is itself a squash: delete the files it replaces first");
            }
            if (m.forwardSql() != null) {
                conflicts.add(m.id() + " (" + m.source() + ") uses forward_sql, which a squash cannot fold into operations:"
                        + " preserve it (squash only the migrations before it)");
            }
            all.addAll(m.operations());
        }
        for (Migration m : range) {
            m.dependencies().stream().filter(d -> !ids.contains(d)).forEach(external::add);
        }
        List<Operation> optimized = optimizer.optimize(all);
        checkProjection(range, optimized, base, conflicts);

        Migration first = range.get(0);
        Migration last = range.get(range.size() - 1);
        MigrationId id = new MigrationId(last.id().app(), squashedName(targetName, first.id(), last.id()));
        Migration squashed = new Migration(id, "Squashes " + range.size() + " migrations, " + first.id().name() + " to "
                + last.id().name() + ".", List.copyOf(external), optimized, null, null, List.copyOf(ids), null, id.name());
        int before = all.size();
        double ratio = before == 0 ? 0 : 100.0 * (before - optimized.size()) / before;
        return new SquashResult(conflicts.isEmpty(), range.size(), before, optimized.size(), ratio, conflicts, squashed,
                List.copyOf(ids), preserved);
    }

    /** The squashed operations must produce exactly the schema the originals do. */
    private static void checkProjection(List<Migration> range, List<Operation> optimized, SchemaState base, List<String> conflicts) {
        SchemaState expected = base;
        try {
            for (Migration m : range) {
                for (Operation op : m.operations()) {
                    expected = op.applyTo(expected);
                }
            }
        } catch (SchemaException e) {
            conflicts.add("the original migrations do not project from the given base schema: " + e.getMessage());
            return;
        }
        SchemaState actual = base;
        try {
            for (Operation op : optimized) {
                actual = op.applyTo(actual);
            }
        } catch (SchemaException e) {
            conflicts.add("the optimized operations do not apply: " + e.getMessage() + " (please report this)");
            return;
        }
        if (!expected.equals(actual)) {
            conflicts.add("the optimized operations project a different schema than the originals (please report this):"
                    + SchemaDifferences.describe(expected, actual));
        }
    }

    /** {@code <last number>_<name>}: a given name keeps its words; its own leading number is replaced. */
    static String squashedName(String targetName, MigrationId first, MigrationId last) {
        String number = last.name().substring(0, last.name().indexOf('_'));
        String words = targetName == null || targetName.isBlank()
                ? "squashed_" + first.name().substring(0, first.name().indexOf('_')) + "_" + number
                : targetName.trim().toLowerCase(Locale.ROOT).replaceAll("^\\d+_", "").replaceAll("[^a-z0-9_]+", "_");
        return number + "_" + words;
    }

    private static int count(List<Migration> migrations) {
        return migrations.stream().mapToInt(m -> m.operations().size()).sum();
    }
}
