package dev.covet.migrations.internal.graph;

import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * The dependency DAG of migrations. {@link #of} checks it (unknown dependencies, cycles, two unmerged leaves
 * in one app), naming the files; {@link #order()} is a topological order that follows file numbers wherever
 * the dependencies allow, so the order is stable from run to run.
 */
public final class MigrationGraph {

    private static final Comparator<MigrationId> FILE_ORDER = Comparator.comparing(MigrationId::app)
            .thenComparingLong(MigrationId::number).thenComparing(MigrationId::name);

    private final Map<MigrationId, Migration> nodes;
    private final List<Migration> order;

    private MigrationGraph(Map<MigrationId, Migration> nodes, List<Migration> order) {
        this.nodes = nodes;
        this.order = order;
    }

    /**
     * Builds and checks the graph.
     *
     * @throws MigrationException for a duplicate id, an unknown dependency, a cycle, or two leaves in one app
     */
    public static MigrationGraph of(Collection<Migration> migrations) {
        Map<MigrationId, Migration> nodes = new LinkedHashMap<>();
        for (Migration m : migrations) {
            Migration clash = nodes.putIfAbsent(m.id(), m);
            if (clash != null) {
                throw new MigrationException("migration " + m.id() + " is defined twice: " + clash.source() + " and " + m.source());
            }
        }
        for (Migration m : nodes.values()) {
            for (MigrationId dep : m.dependencies()) {
                if (!nodes.containsKey(dep)) {
                    throw new MigrationException(m.source() + ": dependencies: " + dep + " does not exist"
                            + similar(dep, nodes.keySet()) + " (a dependency names a migration file without extension,"
                            + " app:name for another app)");
                }
                if (dep.equals(m.id())) {
                    throw new MigrationException(m.source() + ": dependencies: a migration cannot depend on itself");
                }
            }
        }
        List<Migration> order = topologicalOrder(nodes);
        checkLeaves(nodes);
        return new MigrationGraph(nodes, order);
    }

    /** Every migration, dependencies first; among independent ones, by app and file number. */
    public List<Migration> order() {
        return order;
    }

    /** The migration with this id, if present. */
    public Migration get(MigrationId id) {
        return nodes.get(id);
    }

    /** The migrations that depend on {@code id}, directly or through others. */
    public Set<MigrationId> dependentsOf(MigrationId id) {
        Set<MigrationId> result = new HashSet<>();
        boolean grew = true;
        Set<MigrationId> frontier = new HashSet<>(Set.of(id));
        while (grew) {
            grew = false;
            for (Migration m : order) {
                if (!result.contains(m.id()) && m.dependencies().stream().anyMatch(frontier::contains)) {
                    result.add(m.id());
                    frontier.add(m.id());
                    grew = true;
                }
            }
        }
        return result;
    }

    private static List<Migration> topologicalOrder(Map<MigrationId, Migration> nodes) {
        Map<MigrationId, Integer> waiting = new HashMap<>();
        Map<MigrationId, List<MigrationId>> dependents = new HashMap<>();
        for (Migration m : nodes.values()) {
            Set<MigrationId> deps = new HashSet<>(m.dependencies());
            waiting.put(m.id(), deps.size());
            for (MigrationId dep : deps) {
                dependents.computeIfAbsent(dep, k -> new ArrayList<>()).add(m.id());
            }
        }
        PriorityQueue<MigrationId> ready = new PriorityQueue<>(FILE_ORDER);
        waiting.forEach((id, n) -> {
            if (n == 0) {
                ready.add(id);
            }
        });
        List<Migration> order = new ArrayList<>(nodes.size());
        while (!ready.isEmpty()) {
            MigrationId id = ready.poll();
            order.add(nodes.get(id));
            for (MigrationId dependent : dependents.getOrDefault(id, List.of())) {
                if (waiting.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (order.size() < nodes.size()) {
            throw new MigrationException("migration dependencies form a cycle: " + describeCycle(nodes, waiting)
                    + ". Remove one of these dependencies.");
        }
        return List.copyOf(order);
    }

    /** One cycle among the migrations still waiting, as "a (file) -> b (file) -> a". */
    private static String describeCycle(Map<MigrationId, Migration> nodes, Map<MigrationId, Integer> waiting) {
        MigrationId start = waiting.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                .min(FILE_ORDER).orElseThrow();
        List<MigrationId> path = new ArrayList<>();
        MigrationId current = start;
        while (!path.contains(current)) {
            path.add(current);
            MigrationId next = null;
            for (MigrationId dep : nodes.get(current).dependencies()) {
                if (waiting.getOrDefault(dep, 0) > 0) {
                    next = dep;
                    break;
                }
            }
            current = next;
        }
        List<MigrationId> cycle = path.subList(path.indexOf(current), path.size());
        StringBuilder sb = new StringBuilder();
        for (MigrationId id : cycle) {
            sb.append(id).append(" (").append(nodes.get(id).source()).append(") depends on ");
        }
        return sb.append(current).toString();
    }

    /** Two leaves in one app mean two branches that were never merged: their order would be a guess. */
    private static void checkLeaves(Map<MigrationId, Migration> nodes) {
        Set<MigrationId> hasDependents = new HashSet<>();
        nodes.values().forEach(m -> m.dependencies().stream()
                .filter(d -> d.app().equals(m.id().app())).forEach(hasDependents::add));
        Map<String, List<Migration>> leavesByApp = new TreeMap<>();
        for (Migration m : nodes.values()) {
            if (!hasDependents.contains(m.id())) {
                leavesByApp.computeIfAbsent(m.id().app(), k -> new ArrayList<>()).add(m);
            }
        }
        for (Map.Entry<String, List<Migration>> e : leavesByApp.entrySet()) {
            if (e.getValue().size() > 1) {
                StringBuilder sb = new StringBuilder("conflicting migrations in app '" + e.getKey()
                        + "': more than one has no successor (two branches that were never merged):");
                e.getValue().forEach(m -> sb.append("\n  ").append(m.id()).append(" (").append(m.source()).append(')'));
                sb.append("\nAdd a migration whose dependencies name all of them, or make one depend on the other.");
                throw new MigrationException(sb.toString());
            }
        }
    }

    private static String similar(MigrationId missing, Set<MigrationId> known) {
        for (MigrationId id : known) {
            if (id.app().equals(missing.app()) && id.number() >= 0 && id.number() == missing.number()) {
                return " (did you mean " + id + "?)";
            }
        }
        return "";
    }
}
