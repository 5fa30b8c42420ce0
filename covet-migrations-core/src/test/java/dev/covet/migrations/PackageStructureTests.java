package dev.covet.migrations;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package structure of the core, read from the imports of its sources: packages depend on each other without
 * cycles, and the public API's values depend on no internal package.
 *
 * <p>The entry points (the classes users start from, which wire the internals together) are their own nodes, above
 * everything: {@code MigrationRunner} uses the engine, and the engine uses {@code Migration}, a value of the same
 * package, without that being a cycle. The runner's configuration ({@code MigrationConfig}) sits with it: it names
 * the dialect, which hands out per-database internals. Every other class counts as its package.
 */
class PackageStructureTests {

    private static final String BASE = "dev.covet.migrations";

    /** The classes users start from. Adding one here is a design decision: it may use internals, nothing uses it. */
    private static final Set<String> ENTRY_POINTS = Set.of(
            "MigrationRunner", "MigrationConfig",
            "safety.RollbackValidator", "safety.BackupStore",
            "audit.MigrationAuditLog", "audit.AuditingListener",
            "data.BatchUpdate",
            "introspect.SchemaReader",
            "sqlite.SQLiteWorkaround",
            "squash.MigrationSquasher", "squash.SquashVerifier", "squash.SquashAndWrite",
            "diff.DiffEngine", "diff.RenameDetector",
            "generate.MigrationGenerator", "generate.MakeMigrations", "generate.MakeMigrationsAndLint", "generate.Baseline",
            "jpa.JpaModelReader",
            // Wires a tenant's connection (its schema on a shared server, its URL) to a runner per tenant.
            "tenant.TenantFleet");

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(" + Pattern.quote(BASE) + "[\\w.]*?)\\.([A-Z]\\w*)(?:\\.\\w+)*;", Pattern.MULTILINE);

    private static Map<String, Set<String>> imports;

    @BeforeAll
    static void readSources() throws IOException {
        imports = new TreeMap<>();
        Path root = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java")).toList()) {
                String pkg = root.relativize(file.getParent()).toString().replace('/', '.').replace('\\', '.');
                String name = file.getFileName().toString().replace(".java", "");
                Set<String> used = new TreeSet<>();
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1) + "." + m.group(2));
                }
                imports.put(pkg + "." + name, used);
            }
        }
    }

    @Test
    void theSourcesWereFound() {
        assertThat(imports).containsKey(BASE + ".MigrationRunner").hasSizeGreaterThan(150);
        ENTRY_POINTS.forEach(e -> assertThat(imports).as("entry point " + e).containsKey(BASE + "." + e));
    }

    @Test
    void packagesDependOnEachOtherWithoutCycles() {
        Map<String, Set<String>> graph = new TreeMap<>();
        Map<String, List<String>> why = new LinkedHashMap<>();
        imports.forEach((cls, used) -> {
            String from = node(cls);
            graph.computeIfAbsent(from, k -> new TreeSet<>());
            for (String target : used) {
                String to = node(target);
                if (!to.equals(from)) {
                    graph.get(from).add(to);
                    why.computeIfAbsent(from + " -> " + to, k -> new ArrayList<>()).add(simple(cls) + " imports " + simple(target));
                }
            }
        });
        List<List<String>> cycles = new StronglyConnected(graph).components().stream().filter(c -> c.size() > 1).toList();
        StringBuilder report = new StringBuilder();
        for (List<String> cycle : cycles) {
            report.append("\ncycle: ").append(cycle);
            for (String a : cycle) {
                for (String b : cycle) {
                    List<String> edges = why.get(a + " -> " + b);
                    if (edges != null) {
                        report.append("\n  ").append(a).append(" -> ").append(b).append(": ").append(edges);
                    }
                }
            }
        }
        assertThat(cycles).as(report.toString()).isEmpty();
    }

    /**
     * Classes of API packages that construct internals: the dialects hand out their database's lock, schema reader
     * and lock-wait rules (the {@code Dialect} interface itself names only API types).
     */
    private static final Set<String> BUILDERS_OF_INTERNALS = Set.of(
            "dialect.PostgresDialect", "dialect.MySqlDialect", "dialect.SqliteDialect", "dialect.SqliteLockWaits",
            "dialect.MySqlLockWaits");

    @Test
    void theApiValuesDependOnNoInternalPackage() {
        imports.forEach((cls, used) -> {
            String relative = cls.substring(BASE.length() + 1);
            if (!cls.contains(".internal.") && !ENTRY_POINTS.contains(relative) && !BUILDERS_OF_INTERNALS.contains(relative)
                    && !cls.startsWith(BASE + ".cli.")) {
                assertThat(used).as(cls + " is public API (not an entry point): it must not use internals")
                        .noneMatch(u -> u.contains(".internal."));
            }
        });
    }

    /** A class's node: itself when it is an entry point, else its package. */
    private static String node(String cls) {
        String relative = cls.substring(BASE.length()).replaceFirst("^\\.", "");
        if (ENTRY_POINTS.contains(relative)) {
            return relative;
        }
        int dot = relative.lastIndexOf('.');
        return dot < 0 ? "(root)" : relative.substring(0, dot);
    }

    private static String simple(String cls) {
        return cls.substring(cls.lastIndexOf('.') + 1);
    }

    /** Tarjan's strongly connected components of a small graph. */
    private static final class StronglyConnected {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new TreeMap<>();
        private final Map<String, Integer> low = new TreeMap<>();
        private final List<String> stack = new ArrayList<>();
        private final List<List<String>> components = new ArrayList<>();
        private int next;

        StronglyConnected(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        List<List<String>> components() {
            for (String v : graph.keySet()) {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            }
            return components;
        }

        private void visit(String v) {
            index.put(v, next);
            low.put(v, next);
            next++;
            stack.add(v);
            for (String w : graph.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (stack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                List<String> component = new ArrayList<>();
                String w;
                do {
                    w = stack.remove(stack.size() - 1);
                    component.add(w);
                } while (!w.equals(v));
                components.add(component);
            }
        }
    }
}
