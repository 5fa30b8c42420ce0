package dev.covet.benchmarks;

import dev.covet.benchmarks.db.DbKind;
import dev.covet.benchmarks.db.DbServer;
import dev.covet.benchmarks.db.Target;
import dev.covet.benchmarks.report.ChildResult;
import dev.covet.benchmarks.report.Measurement;
import dev.covet.benchmarks.workload.GeneratedMigration;
import dev.covet.benchmarks.workload.WorkloadFiles;
import dev.covet.benchmarks.workload.WorkloadGenerator;

import java.io.IOException;
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
 * (8) A fleet: {@value #TENANTS} PostgreSQL schemas of one database × {@value #MIGRATIONS} migrations (the generated
 * workload's first ones, the same SQL for both tools), each run on a freshly created database with empty schemas.
 * Covet's {@code TenantFleet} in parallel and with parallelism 1 (the same work one tenant after another), against
 * a loop of Flyway instances, one per schema. After each run the driver counts the history rows of every schema.
 */
final class FleetScenario {

    static final String SCENARIO = "fleet";
    static final int TENANTS = 200;
    static final int MIGRATIONS = 20;
    static final String FLYWAY = "Flyway, one schema after another";
    static final String SERIAL = "Covet, one tenant after another";
    static final String FLYWAY_POOLED = "Flyway, one schema after another, pooled";

    private static final String DATABASE = "covet_bench_fleet";

    private final DbServer server;
    private final BenchOptions options;
    private final ChildLauncher launcher;
    private final Path scratch;

    FleetScenario(DbServer server, BenchOptions options, ChildLauncher launcher, Path scratch) {
        this.server = server;
        this.options = options;
        this.launcher = launcher;
        this.scratch = scratch;
    }

    List<Measurement> run() throws Exception {
        if (server.kind() != DbKind.POSTGRES) {
            return List.of();
        }
        List<GeneratedMigration> history = new WorkloadGenerator(options.seed(), server.kind().dialect()).generate(MIGRATIONS);
        WorkloadFiles files = WorkloadFiles.write(scratch.resolve("fleet-workload"), history, server.kind().dialect(), false);
        Map<String, List<String>> tools = new LinkedHashMap<>();
        tools.put(FLYWAY, List.of("flyway", "dir=" + files.flyway()));
        tools.put(SERIAL, List.of("covet", "dir=" + files.covetSql(), "parallelism=1"));
        for (int p : options.fleetParallelism()) {
            tools.put("Covet fleet, parallelism " + p, List.of("covet", "dir=" + files.covetSql(), "parallelism=" + p));
        }
        // An application migrates its tenants through its own pool: both tools on a pool, Covet's sized for its
        // parallel tenants (each holds its lock's connection and its migration's).
        tools.put(FLYWAY_POOLED, List.of("flyway", "dir=" + files.flyway(), "pool=2"));
        for (int p : options.fleetParallelism()) {
            tools.put("Covet fleet, parallelism " + p + ", pooled", List.of("covet", "dir=" + files.covetSql(), "parallelism=" + p,
                    "pool=" + (2 * p + 1)));
        }
        Map<String, MeasuredRuns> runs = new LinkedHashMap<>();
        tools.keySet().forEach(k -> runs.put(k, new MeasuredRuns()));
        try {
            for (int r = 0; r < options.runs(); r++) {
                for (Map.Entry<String, List<String>> e : tools.entrySet()) {
                    Target target = freshFleet();
                    String tool = e.getValue().get(0);
                    runs.get(e.getKey()).measure(() -> verified(tool, target, launch(e.getKey(), e.getValue(), target)));
                }
            }
        } finally {
            server.drop(DATABASE);
        }
        List<Measurement> out = new ArrayList<>();
        runs.forEach((label, m) -> out.add(m.measurement(SCENARIO, server.kind().cliName(), label)));
        return out;
    }

    private Target freshFleet() throws SQLException {
        Target target = server.create(DATABASE);
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            for (int i = 1; i <= TENANTS; i++) {
                s.addBatch("CREATE SCHEMA bench_t_" + String.format("%03d", i));
            }
            s.executeBatch();
        }
        return target;
    }

    private ChildLauncher.Timed launch(String label, List<String> tool, Target target) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(tool.get(0), SCENARIO, server.kind().cliName()));
        args.addAll(tool.subList(1, tool.size()));
        args.addAll(target.toArgs());
        ChildLauncher.Timed timed = launcher.run(args);
        System.err.printf("  fleet %-36s call %9.1f ms  cpu %9.1f ms  %s%n", label, timed.result().callNanos() / 1e6,
                timed.result().cpuNanos() / 1e6, timed.result().note());
        return timed;
    }

    /** The run with the history rows of all schemas added to its note; fewer than tenants × migrations fails it. */
    private ChildLauncher.Timed verified(String tool, Target target, ChildLauncher.Timed timed) {
        String table = tool.equals("covet") ? "covet_migrations" : "flyway_schema_history";
        StringBuilder sum = new StringBuilder("SELECT 0");
        for (int i = 1; i <= TENANTS; i++) {
            sum.append(" + (SELECT COUNT(*) FROM bench_t_").append(String.format("%03d", i)).append('.').append(table).append(')');
        }
        try (Connection c = target.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sum.toString())) {
            rs.next();
            long rows = rs.getLong(1);
            // Flyway's history also holds one schema-creation marker row per schema when it created the schema; here
            // the schemas exist, so both tools write one row per migration.
            if (rows < (long) TENANTS * MIGRATIONS) {
                throw new ChildLauncher.ChildFailedException(tool + " left " + rows + " history rows, expected "
                        + TENANTS * MIGRATIONS, "history incomplete: " + rows);
            }
            ChildResult r = timed.result();
            return new ChildLauncher.Timed(new ChildResult(r.callNanos(), r.mainNanos(), r.cpuNanos(), r.peakRssKib(),
                    r.note() + ",history_rows=" + rows), timed.wallNanos());
        } catch (SQLException e) {
            throw new ChildLauncher.ChildFailedException("cannot count " + table + " after " + tool + ": " + e.getMessage(),
                    "history unreadable: " + e.getMessage());
        }
    }
}
