package dev.covet.migrations.internal.execute;

import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationPhase;
import dev.covet.migrations.internal.graph.MigrationGraph;
import dev.covet.migrations.HistoryRow;
import dev.covet.migrations.internal.loader.MigrationSource;
import dev.covet.migrations.schema.SchemaState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the migration files with the history and works out what is applied and what is pending. Files
 * are parsed only when something is pending: a start with everything applied hashes the files and reads the
 * history, nothing more.
 */
public final class MigrationPlanner {

    private final MigrationRenderer renderer;

    public MigrationPlanner(MigrationRenderer renderer) {
        this.renderer = renderer;
    }

    /** Applied migrations whose files changed since (recorded checksum differs). */
    public static List<MigrationSource> modified(List<MigrationSource> sources, Map<MigrationId, HistoryRow> history) {
        List<MigrationSource> modified = new ArrayList<>();
        for (MigrationSource s : sources) {
            HistoryRow row = history.get(s.id());
            if (row != null && row.isApplied() && !row.checksum().equals(s.checksum())) {
                modified.add(s);
            }
        }
        return modified;
    }

    /** Fails with every modified applied migration named, unless there are none. */
    public static void requireUnmodified(List<MigrationSource> modified, Map<MigrationId, HistoryRow> history) {
        if (modified.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("applied migration(s) modified after they were applied:");
        for (MigrationSource s : modified) {
            sb.append("\n  ").append(s.location()).append(" (recorded checksum ").append(history.get(s.id()).checksum())
                    .append(", file now ").append(s.checksum()).append(')');
        }
        sb.append("\nRestore the original file(s): an applied migration must not change. If the change is intended and the"
                + " database already matches it, run 'covet repair' to record the files' checksums (the change is audited).");
        throw new MigrationException(sb.toString());
    }

    /** Whether every file is applied and no attempt failed: the fast path of an ordinary start. */
    public static boolean nothingPending(List<MigrationSource> sources, Map<MigrationId, HistoryRow> history) {
        for (HistoryRow row : history.values()) {
            if (!row.isApplied()) {
                return false;
            }
        }
        for (MigrationSource s : sources) {
            HistoryRow row = history.get(s.id());
            if (row == null) {
                return false;
            }
        }
        return true;
    }

    /** The full plan: parses every file, orders them, projects the applied schema. */
    public MigrationPlan plan(List<MigrationSource> sources, List<HistoryRow> historyRows) {
        Map<MigrationId, HistoryRow> history = new LinkedHashMap<>();
        historyRows.forEach(r -> history.put(r.id(), r));
        Set<MigrationId> appliedIds = new HashSet<>();
        historyRows.stream().filter(HistoryRow::isApplied).forEach(r -> appliedIds.add(r.id()));

        List<Migration> parsed = sources.stream().map(MigrationSource::parse).toList();
        SquashResolver.requireKnownReplaces(parsed, history.keySet());
        List<Migration> effective = SquashResolver.resolve(parsed, appliedIds);
        List<Migration> ordered = MigrationGraph.of(effective).order();

        Map<MigrationId, Migration> byId = new LinkedHashMap<>();
        ordered.forEach(m -> byId.put(m.id(), m));
        List<Migration> resolvedAsApplied = new ArrayList<>();
        for (Migration m : ordered) {
            if (!m.replaces().isEmpty() && !appliedIds.contains(m.id()) && appliedIds.containsAll(m.replaces())) {
                resolvedAsApplied.add(m);
            }
        }
        Set<MigrationId> effectivelyApplied = new HashSet<>(appliedIds);
        resolvedAsApplied.forEach(m -> effectivelyApplied.add(m.id()));

        // The applied schema, in the order migrations were applied. A squash in use stands where the last of its
        // originals was applied: its own row comes later when a run completed the originals and then recorded it.
        Map<MigrationId, Migration> squashOf = new HashMap<>();
        ordered.forEach(m -> m.replaces().forEach(r -> squashOf.put(r, m)));
        List<Migration> applied = new ArrayList<>();
        SchemaState state = SchemaState.empty();
        Set<MigrationId> projected = new HashSet<>();
        Set<MigrationId> seen = new HashSet<>();
        for (HistoryRow row : historyRows) {
            if (!row.isApplied()) {
                continue;
            }
            seen.add(row.id());
            Migration m = byId.get(row.id());
            if (m == null) {
                Migration squash = squashOf.get(row.id());
                m = squash != null && seen.containsAll(squash.replaces()) ? squash : null;
            }
            if (m != null && projected.add(m.id())) {
                applied.add(m);
                state = renderer.project(m, state);
            }
        }
        List<Migration> pending = new ArrayList<>();
        for (Migration m : ordered) {
            if (!effectivelyApplied.contains(m.id())) {
                pending.add(m);
            }
        }
        List<Migration> deferred = parsed.stream().filter(m -> !m.replaces().isEmpty() && !byId.containsKey(m.id())).toList();
        return new MigrationPlan(ordered, applied, pending, history, state, resolvedAsApplied, deferred);
    }

    /**
     * The pending migrations a run applies: up to the target, and in the expand phase without contract
     * migrations and whatever depends on them (a migration after a contract step waits with it).
     */
    public static List<Migration> select(MigrationPlan plan, MigrationId target, MigrationPhase phase) {
        List<Migration> candidates = upTo(plan, target);
        if (phase != MigrationPhase.EXPAND) {
            return candidates;
        }
        Set<MigrationId> heldBack = new HashSet<>();
        List<Migration> selected = new ArrayList<>();
        // Pending migrations come in dependency order, so a dependant is seen after what it depends on.
        for (Migration m : candidates) {
            if (m.phase() == MigrationPhase.CONTRACT || m.dependencies().stream().anyMatch(heldBack::contains)) {
                heldBack.add(m.id());
            } else {
                selected.add(m);
            }
        }
        return selected;
    }

    /** The pending migrations up to and including the target (and what it needs), in order. */
    public static List<Migration> upTo(MigrationPlan plan, MigrationId target) {
        if (target == null) {
            return plan.pending();
        }
        Map<MigrationId, Migration> byId = new LinkedHashMap<>();
        plan.ordered().forEach(m -> byId.put(m.id(), m));
        if (!byId.containsKey(target)) {
            throw new MigrationException("target migration '" + target + "' does not exist (known: "
                    + (byId.size() > 10 ? byId.size() + " migrations" : byId.keySet()) + ")");
        }
        Set<MigrationId> needed = new HashSet<>();
        List<MigrationId> stack = new ArrayList<>(List.of(target));
        while (!stack.isEmpty()) {
            MigrationId id = stack.remove(stack.size() - 1);
            if (needed.add(id)) {
                stack.addAll(byId.get(id).dependencies());
            }
        }
        return plan.pending().stream().filter(m -> needed.contains(m.id())).toList();
    }
}
