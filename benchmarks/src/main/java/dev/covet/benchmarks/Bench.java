package dev.covet.benchmarks;

import dev.covet.benchmarks.db.DbKind;
import dev.covet.benchmarks.db.DbServer;
import dev.covet.benchmarks.report.MarkdownReport;
import dev.covet.benchmarks.report.Measurement;
import dev.covet.benchmarks.workload.GeneratedMigration;
import dev.covet.benchmarks.workload.WorkloadFiles;
import dev.covet.benchmarks.workload.WorkloadGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmark driver: generates the workload afresh (into a new temp directory, per database), runs every
 * scenario with each measured run in its own JVM ({@link RunOne}), and prints a Markdown report.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String loadBefore = MachineInfo.loadAverage();
        Path tmp = Files.createTempDirectory("covet-bench-");
        ChildLauncher launcher = new ChildLauncher(options.childJvmArgs());
        List<Measurement> measurements = new ArrayList<>();
        StringBuilder setup = new StringBuilder();
        try {
            for (DbKind kind : options.dbs()) {
                runDatabase(kind, options, launcher, tmp.resolve(kind.cliName()), measurements, setup);
            }
            if (options.scenarios().contains("rename")) {
                System.err.println("rename detection");
                measurements.addAll(ScenarioRunner.rename(options, launcher));
            }
        } finally {
            if (!options.keep()) {
                deleteTree(tmp);
            }
        }
        String report = report(args, options, started, loadBefore, setup.toString(), measurements);
        System.out.print(report);
        if (options.out() != null) {
            Files.writeString(options.out(), report, StandardCharsets.UTF_8);
        }
    }

    private static void runDatabase(DbKind kind, BenchOptions options, ChildLauncher launcher, Path dir,
                                    List<Measurement> measurements, StringBuilder setup) throws Exception {
        DbServer server;
        try {
            server = DbServer.open(kind, Files.createDirectories(dir.resolve("sqlite")));
        } catch (SQLException e) {
            System.err.println(kind.cliName() + ": not reachable, skipped (" + e.getMessage() + ")");
            setup.append("- ").append(kind.cliName()).append(": not reachable, skipped\n");
            return;
        }
        List<GeneratedMigration> history = new WorkloadGenerator(options.seed(), kind.dialect()).generate(options.migrations());
        // Squashing a long history takes a while: only when the squash scenario runs.
        boolean squash = options.scenarios().contains("squash");
        WorkloadFiles workload = WorkloadFiles.write(dir.resolve("workload"), history, kind.dialect(), squash);
        setup.append("- ").append(server.version()).append(": ").append(history.size()).append(" migrations, ")
                .append(history.stream().mapToInt(m -> m.operations().size()).sum()).append(" operations, ")
                .append(workload.statements()).append(" SQL statements");
        if (squash) {
            setup.append("; squash: ").append(workload.squash().operationCountBefore()).append(" → ")
                    .append(workload.squash().operationCountAfter()).append(" operations with data kept, ")
                    .append(workload.schemaSquash().operationCountAfter()).append(" with data elidable");
        }
        setup.append('\n');
        System.err.println(kind.cliName() + ": workload in " + workload.root());
        ScenarioRunner runner = new ScenarioRunner(server, workload, options, launcher, dir);
        for (String scenario : options.scenarios()) {
            System.err.println(kind.cliName() + ": " + scenario);
            measurements.addAll(switch (scenario) {
                case "fresh" -> runner.fresh();
                case "startup" -> runner.startup();
                case "squash" -> runner.squash();
                case "introspect" -> runner.introspect();
                case "rebuild" -> runner.rebuild();
                case AppCommandsScenario.SCENARIO -> new AppCommandsScenario(server, options, launcher, dir).run();
                case FleetScenario.SCENARIO -> new FleetScenario(server, options, launcher, dir).run();
                default -> List.of();
            });
        }
    }

    private static String report(String[] args, BenchOptions options, String started, String loadBefore, String setup,
                                 List<Measurement> measurements) {
        MarkdownReport md = new MarkdownReport(measurements);
        int n = options.migrations();
        return "# Covet Migrations benchmarks\n\n"
                + "- Command: `java -jar benchmarks/target/covet-benchmarks.jar" + (args.length == 0 ? "" : " " + String.join(" ", args)) + "`\n"
                + "- Started: " + started + "; load average before " + loadBefore + ", after " + MachineInfo.loadAverage() + "\n"
                + MachineInfo.describe()
                + "- Runs: " + options.runs() + " per tool, each in a fresh JVM; seed " + options.seed() + "\n"
                + setup + "\n"
                + "Times in ms. `call`: around the tool's own call inside the child (configure, connect, migrate); "
                + "`main() → done`: from the child's main() to the end; `process`: spawn to exit, seen by the driver; "
                + "`process CPU`: CPU time of the child, all threads (JIT and GC included), less disturbed than wall time "
                + "when other work shares the machine. Ratios are of `call` medians.\n\n"
                + md.section(new MarkdownReport.Section("fresh", "1. Fresh install of " + n + " migrations",
                        List.of("Flyway", "plain JDBC (floor)"), false))
                + md.section(new MarkdownReport.Section("startup", "2. Start with " + n + " applied (nothing pending)",
                        List.of("Flyway"), true))
                + md.section(new MarkdownReport.Section("squash", "3. Fresh install: squashed vs " + n + " originals (Covet)",
                        List.of("Covet, " + n + " YAML originals"), false))
                + md.section(new MarkdownReport.Section("introspect", "4. Introspection of " + options.tables()
                        + " tables × 10 columns", List.of("Liquibase snapshot"), false))
                + md.section(new MarkdownReport.Section("rebuild", "5. SQLite rebuild of a " + String.format("%,d", options.rows())
                        + "-row table", List.of("plain CREATE + INSERT … SELECT"), false))
                + md.section(new MarkdownReport.Section("rename", "6. Rename detection", List.of(), false))
                + md.section(new MarkdownReport.Section(AppCommandsScenario.SCENARIO, "7. The sample application's commands "
                        + "against its own start and Flyway's info (whole processes: `call` is the process's wall time)",
                        List.of(AppCommandsScenario.APP_START, "Flyway info (API, own JVM)"), false))
                + md.section(new MarkdownReport.Section(FleetScenario.SCENARIO, "8. A fleet: " + FleetScenario.TENANTS
                        + " PostgreSQL schemas × " + FleetScenario.MIGRATIONS + " migrations (one process each)",
                        List.of(FleetScenario.FLYWAY, FleetScenario.FLYWAY_POOLED, FleetScenario.SERIAL), false));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
