package dev.covet.benchmarks;

import dev.covet.benchmarks.db.DbKind;
import dev.covet.benchmarks.db.DbServer;
import dev.covet.benchmarks.db.SimpleDataSource;
import dev.covet.benchmarks.db.Target;
import dev.covet.benchmarks.report.ChildResult;
import dev.covet.benchmarks.report.Measurement;
import dev.covet.benchmarks.workload.IntrospectionSchema;
import dev.covet.benchmarks.workload.RebuildWorkload;
import dev.covet.benchmarks.workload.WorkloadFiles;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.dialect.SqliteDialect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the scenarios on one database: sets up what a scenario needs (unmeasured), then the measured runs, each a
 * fresh JVM. Tools are interleaved run by run, so drift in the machine's load spreads over all of them.
 */
final class ScenarioRunner {

    private final DbServer server;
    private final WorkloadFiles workload;
    private final BenchOptions options;
    private final ChildLauncher launcher;
    private final Path scratch;

    ScenarioRunner(DbServer server, WorkloadFiles workload, BenchOptions options, ChildLauncher launcher, Path scratch) {
        this.server = server;
        this.workload = workload;
        this.options = options;
        this.launcher = launcher;
        this.scratch = scratch;
    }

    private String db() {
        return server.kind().cliName();
    }

    /** (1) Fresh install: every run on a newly created database. */
    List<Measurement> fresh() throws Exception {
        Map<String, Tool> tools = new LinkedHashMap<>();
        tools.put("plain JDBC (floor)", new Tool("jdbc", workload.covetSql()));
        tools.put("Covet", new Tool("covet", workload.covetSql()));
        tools.put("Flyway", new Tool("flyway", workload.flyway()));
        tools.put("Liquibase", new Tool("liquibase", workload.liquibase()));
        return measureOnFreshDatabases("fresh", tools);
    }

    /** (3) Fresh install from the YAML originals and from their squash (Covet only). */
    List<Measurement> squash() throws Exception {
        Map<String, Tool> tools = new LinkedHashMap<>();
        tools.put("Covet, " + options.migrations() + " YAML originals", new Tool("covet", workload.covetYaml()));
        tools.put("Covet, squashed into 1, data kept", new Tool("covet", workload.covetSquashed()));
        tools.put("Covet, squashed into 1, data elidable", new Tool("covet", workload.covetSquashedSchema()));
        // What no tool can beat: the same squashed statements through plain JDBC, one transaction, no history.
        tools.put("plain JDBC, squashed SQL (data elidable)", new Tool("jdbc", workload.jdbcSquashedSchema()));
        return measureOnFreshDatabases("squash", tools);
    }

    private List<Measurement> measureOnFreshDatabases(String scenario, Map<String, Tool> tools) throws Exception {
        Map<String, MeasuredRuns> runs = new LinkedHashMap<>();
        tools.keySet().forEach(k -> runs.put(k, new MeasuredRuns()));
        for (int r = 0; r < options.runs(); r++) {
            for (Map.Entry<String, Tool> e : tools.entrySet()) {
                String name = "covet_bench_" + scenario + "_" + e.getValue().tool();
                Target t = server.create(name);
                try {
                    Tool tool = e.getValue();
                    runs.get(e.getKey()).measure(() -> verified(tool.tool(), t, launch(tool.tool(), scenario, tool.dir(), t)));
                } finally {
                    server.drop(name);
                }
            }
        }
        return collect(scenario, runs);
    }

    /**
     * (2) Start with everything applied: each tool's database is set up once by the tool itself. The floor is
     * what any tool must do at a start: connect, read the history table once and hash the files.
     */
    List<Measurement> startup() throws Exception {
        Map<String, Tool> tools = new LinkedHashMap<>();
        tools.put("plain JDBC (floor)", new Tool("jdbc", workload.covetSql()));
        tools.put("Covet", new Tool("covet", workload.covetSql()));
        tools.put("Flyway", new Tool("flyway", workload.flyway()));
        tools.put("Liquibase", new Tool("liquibase", workload.liquibase()));
        Map<String, Target> targets = new LinkedHashMap<>();
        for (Map.Entry<String, Tool> e : tools.entrySet()) {
            Target t = server.create("covet_bench_startup_" + e.getValue().tool());
            // The floor reads a history table: Covet's, so its database is set up by Covet.
            String setUpBy = e.getValue().tool().equals("jdbc") ? "covet" : e.getValue().tool();
            launch(setUpBy, "fresh", e.getValue().dir(), t);
            targets.put(e.getKey(), t);
        }
        Map<String, MeasuredRuns> runs = new LinkedHashMap<>();
        tools.keySet().forEach(k -> runs.put(k, new MeasuredRuns()));
        try {
            for (int r = 0; r < options.runs(); r++) {
                for (Map.Entry<String, Tool> e : tools.entrySet()) {
                    Tool tool = e.getValue();
                    Target t = targets.get(e.getKey());
                    runs.get(e.getKey()).measure(() -> launch(tool.tool(), "startup", tool.dir(), t));
                }
            }
        } finally {
            for (Tool tool : tools.values()) {
                server.drop("covet_bench_startup_" + tool.tool());
            }
        }
        return collect("startup", runs);
    }

    /** (4) Reading a schema of many tables: Covet's SchemaReader and Liquibase's snapshot. */
    List<Measurement> introspect() throws Exception {
        String name = "covet_bench_introspect";
        Target t = server.create(name);
        try {
            try (Connection c = t.connect(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                for (String sql : IntrospectionSchema.ddl(options.tables(), server.kind().dialect())) {
                    s.execute(sql);
                }
                c.commit();
            }
            Map<String, MeasuredRuns> runs = new LinkedHashMap<>();
            runs.put("Covet SchemaReader", new MeasuredRuns());
            runs.put("Liquibase snapshot", new MeasuredRuns());
            for (int r = 0; r < options.runs(); r++) {
                runs.get("Covet SchemaReader").measure(() -> launch("covet", "introspect", null, t));
                runs.get("Liquibase snapshot").measure(() -> launch("liquibase", "introspect", null, t));
            }
            return collect("introspect", runs);
        } finally {
            server.drop(name);
        }
    }

    /** (5) SQLite only: a forced table rebuild of a big table against the plain copy. */
    List<Measurement> rebuild() throws Exception {
        if (server.kind() != DbKind.SQLITE) {
            return List.of();
        }
        Path all = scratch.resolve("rebuild-migrations");
        Path seedOnly = scratch.resolve("rebuild-seed");
        RebuildWorkload.writeMigrations(all);
        Files.createDirectories(seedOnly);
        Files.copy(all.resolve("0001_create_big.yaml"), seedOnly.resolve("0001_create_big.yaml"));
        String seedName = "covet_bench_rebuild_seed";
        Target seed = server.create(seedName);
        MigrationRunner.builder(new SimpleDataSource(seed)).dialect(new SqliteDialect(true))
                .locations("filesystem:" + seedOnly).build().migrate();
        try (Connection c = seed.connect(); Statement s = c.createStatement()) {
            s.execute(RebuildWorkload.fillSql(options.rows()));
        }
        Map<String, String> tools = new LinkedHashMap<>();
        tools.put("plain CREATE + INSERT … SELECT", "plain");
        tools.put("same by hand + DROP, RENAME, CREATE INDEX", "manual");
        tools.put("Covet forced rebuild (ALTER_COLUMN)", "covet");
        Map<String, MeasuredRuns> runs = new LinkedHashMap<>();
        tools.keySet().forEach(k -> runs.put(k, new MeasuredRuns()));
        try {
            for (int r = 0; r < options.runs(); r++) {
                for (Map.Entry<String, String> e : tools.entrySet()) {
                    String name = "covet_bench_rebuild_run";
                    server.drop(name);
                    Files.copy(server.sqliteFile(seedName), server.sqliteFile(name));
                    try {
                        String tool = e.getValue();
                        runs.get(e.getKey()).measure(() -> launch(tool, "rebuild", all, server.at(name)));
                    } finally {
                        server.drop(name);
                    }
                }
            }
        } finally {
            server.drop(seedName);
        }
        return collect("rebuild", runs);
    }

    /** The run with the number of rows the tool's history table holds afterwards added to its note. */
    private ChildLauncher.Timed verified(String tool, Target target, ChildLauncher.Timed timed) {
        String table = switch (tool) {
            case "covet" -> "covet_migrations";
            case "flyway" -> "flyway_schema_history";
            case "liquibase" -> server.kind() == DbKind.POSTGRES ? "databasechangelog" : "DATABASECHANGELOG";
            default -> null;
        };
        if (table == null) {
            return timed;
        }
        try (Connection c = target.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            ChildResult r = timed.result();
            return new ChildLauncher.Timed(new ChildResult(r.callNanos(), r.mainNanos(), r.cpuNanos(), r.peakRssKib(),
                    r.note() + ",history_rows=" + rs.getLong(1)), timed.wallNanos());
        } catch (SQLException e) {
            throw new ChildLauncher.ChildFailedException("cannot read " + table + " after " + tool + ": " + e.getMessage(),
                    "history table unreadable: " + e.getMessage());
        }
    }

    private ChildLauncher.Timed launch(String tool, String scenario, Path dir, Target target) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(tool, scenario, db()));
        if (dir != null) {
            args.add("dir=" + dir);
        }
        args.addAll(target.toArgs());
        ChildLauncher.Timed timed = launcher.run(args);
        System.err.printf("  %-8s %-10s %-10s call %8.1f ms  main %8.1f ms  cpu %8.1f ms  %s%n", db(), scenario, tool,
                timed.result().callNanos() / 1e6, timed.result().mainNanos() / 1e6, timed.result().cpuNanos() / 1e6,
                timed.result().note());
        return timed;
    }

    private List<Measurement> collect(String scenario, Map<String, MeasuredRuns> runs) {
        List<Measurement> out = new ArrayList<>();
        runs.forEach((label, r) -> out.add(r.measurement(scenario, db(), label)));
        return out;
    }

    /** (6) Rename detection needs no database. */
    static List<Measurement> rename(BenchOptions options, ChildLauncher launcher) throws IOException, InterruptedException {
        MeasuredRuns runs = new MeasuredRuns();
        for (int r = 0; r < options.runs(); r++) {
            ChildLauncher.Timed timed = launcher.run(List.of("covet", "rename", "none"));
            System.err.printf("  rename call %8.1f ms  %s%n", timed.result().callNanos() / 1e6, timed.result().note());
            runs.add(timed);
        }
        return List.of(new Measurement("rename", "-", "Covet RenameDetector, 500 dropped × 500 added columns",
                runs.results, runs.walls, null));
    }

    /** A tool's child name and the files it reads. */
    private record Tool(String tool, Path dir) {
    }
}
