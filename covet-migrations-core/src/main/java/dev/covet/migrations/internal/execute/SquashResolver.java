package dev.covet.migrations.internal.execute;

import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.loader.MigrationFileException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, for each squashed migration (one with {@code replaces}), whether this database uses it or the
 * originals: a fresh database, or one that applied all the replaced migrations, uses the squashed one; a
 * database part-way through the replaced range continues with the originals. Dependencies on the unused side
 * are redirected to the used side.
 */
final class SquashResolver {

    private SquashResolver() {
    }

    /**
     * Refuses a squash that replaces a migration no file and no history row knows while it names others that are
     * known: its originals are either all still there (or applied) or all deleted after squashing, never a mix, so
     * the unknown entry is a typo or a migration that never existed, and the history would record it as applied.
     */
    static void requireKnownReplaces(Collection<Migration> migrations, Set<MigrationId> inHistory) {
        Set<MigrationId> files = new HashSet<>();
        migrations.forEach(m -> files.add(m.id()));
        for (Migration m : migrations) {
            List<MigrationId> unknown = m.replaces().stream().filter(r -> !files.contains(r) && !inHistory.contains(r)).toList();
            if (!unknown.isEmpty() && unknown.size() < m.replaces().size()) {
                throw new MigrationFileException(m.source(), "replaces", "names " + unknown
                        + ", which no migration file and no history row knows, beside migrations that exist: a squash"
                        + " replaces migrations that exist (or all of whose files were deleted after squashing)");
            }
        }
    }

    /** The effective migrations for a database with these applied ids. */
    static List<Migration> resolve(Collection<Migration> migrations, Set<MigrationId> applied) {
        migrations = untangle(migrations);
        Map<MigrationId, Migration> byId = new LinkedHashMap<>();
        migrations.forEach(m -> byId.put(m.id(), m));
        Map<MigrationId, MigrationId> redirect = new HashMap<>();
        Set<MigrationId> removed = new HashSet<>();
        for (Migration m : migrations) {
            if (m.replaces().isEmpty()) {
                continue;
            }
            long done = m.replaces().stream().filter(applied::contains).count();
            boolean useSquashed = applied.contains(m.id()) || done == 0 || done == m.replaces().size();
            if (useSquashed) {
                for (MigrationId r : m.replaces()) {
                    removed.add(r);
                    redirect.put(r, m.id());
                }
            } else {
                removed.add(m.id());
                // Dependants of the squashed migration wait for the last replaced one instead.
                redirect.put(m.id(), m.replaces().get(m.replaces().size() - 1));
            }
        }
        return withoutRemoved(byId.values(), removed, redirect);
    }

    /**
     * Every file as the full history: a squash whose originals are all still present is left out (the originals
     * say more), and what depends on it depends on its last original instead. Used for squashing again and for
     * reports, where no database decides.
     */
    static List<Migration> preferOriginals(Collection<Migration> migrations) {
        migrations = untangle(migrations);
        Set<MigrationId> present = new HashSet<>();
        migrations.forEach(m -> present.add(m.id()));
        Map<MigrationId, MigrationId> redirect = new HashMap<>();
        Set<MigrationId> removed = new HashSet<>();
        for (Migration m : migrations) {
            if (!m.replaces().isEmpty() && present.containsAll(m.replaces())) {
                removed.add(m.id());
                redirect.put(m.id(), m.replaces().get(m.replaces().size() - 1));
            }
        }
        return withoutRemoved(migrations, removed, redirect);
    }

    /** The migrations not removed, their dependencies on removed ones followed through the redirects. */
    private static List<Migration> withoutRemoved(Collection<Migration> migrations, Set<MigrationId> removed,
                                                  Map<MigrationId, MigrationId> redirect) {
        List<Migration> result = new ArrayList<>();
        for (Migration m : migrations) {
            if (removed.contains(m.id())) {
                continue;
            }
            List<MigrationId> deps = new ArrayList<>();
            for (MigrationId d : m.dependencies()) {
                MigrationId target = d;
                while (redirect.containsKey(target) && !target.equals(m.id())) {
                    target = redirect.get(target);
                }
                if (!target.equals(m.id()) && !deps.contains(target)) {
                    deps.add(target);
                }
            }
            result.add(deps.equals(m.dependencies()) ? m : m.withDependencies(deps));
        }
        return result;
    }

    /**
     * The migrations with no original depending on the squash that replaces it. A squash shares the number of
     * its last original, so when it sorts before an original of that number the loader's default ("the previous
     * file") makes that original depend on its own squash; it depends on the original before it instead.
     */
    static List<Migration> untangle(Collection<Migration> migrations) {
        Map<MigrationId, Migration> squashes = new HashMap<>();
        migrations.stream().filter(m -> !m.replaces().isEmpty()).forEach(m -> squashes.put(m.id(), m));
        List<Migration> result = new ArrayList<>();
        for (Migration m : migrations) {
            List<MigrationId> deps = new ArrayList<>();
            for (MigrationId d : m.dependencies()) {
                Migration squash = squashes.get(d);
                int at = squash == null ? -1 : squash.replaces().indexOf(m.id());
                List<MigrationId> instead = at < 0 ? List.of(d)
                        : at == 0 ? squash.dependencies() : List.of(squash.replaces().get(at - 1));
                instead.stream().filter(i -> !deps.contains(i)).forEach(deps::add);
            }
            result.add(deps.equals(m.dependencies()) ? m : m.withDependencies(deps));
        }
        return result;
    }
}
