package dev.covet.benchmarks;

import dev.covet.benchmarks.db.DbServer;
import dev.covet.benchmarks.db.Target;
import dev.covet.benchmarks.report.ChildResult;
import dev.covet.benchmarks.report.Measurement;
import dev.covet.benchmarks.workload.GeneratedMigration;
import dev.covet.benchmarks.workload.WorkloadFiles;
import dev.covet.benchmarks.workload.WorkloadGenerator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * (7) The sample application's own start against its {@code covet} commands, and Flyway's {@code info} through its
 * API, each a whole process timed from spawn: to the "Started" line for the application (web server, JPA), to the
 * exit for the others. The application runs from its built jar ({@code --app-jar}), on a database the benchmark
 * creates, its migrations applied beforehand (so {@code migrate} has nothing to do). Flyway reads a history of the
 * same length on the same server.
 */
final class AppCommandsScenario {

    static final String SCENARIO = "commands";
    static final String APP_START = "app start (web server, JPA) to 'Started'";
    private static final String STARTED = "Started ShopApplication";

    private final DbServer server;
    private final BenchOptions options;
    private final ChildLauncher launcher;
    private final Path scratch;

    AppCommandsScenario(DbServer server, BenchOptions options, ChildLauncher launcher, Path scratch) {
        this.server = server;
        this.options = options;
        this.launcher = launcher;
        this.scratch = scratch;
    }

    List<Measurement> run() throws Exception {
        String db = server.kind().cliName();
        Path jar = options.appJar().toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            return List.of(new Measurement(SCENARIO, db, APP_START, List.of(), List.of(),
                    "no application jar at " + jar + ": build it with ./mvnw -B -pl sample-app -am package -DskipTests"));
        }
        Path workDir = Files.createDirectories(scratch.resolve("app-" + db));
        Target app = server.create("covet_bench_commands_app");
        Target flyway = server.create("covet_bench_commands_flyway");
        try {
            List<String> settings = settings(app);
            // Unmeasured set-up: the application's migrations applied by the application itself.
            process(jar, workDir, settings, List.of("covet", "migrate"), null);
            int applied = appliedMigrations(app);
            List<GeneratedMigration> history = new WorkloadGenerator(options.seed(), server.kind().dialect()).generate(applied);
            WorkloadFiles flywayFiles = WorkloadFiles.write(scratch.resolve("commands-flyway-" + db), history,
                    server.kind().dialect(), false);
            launcher.run(withTarget(List.of("flyway", "fresh", db, "dir=" + flywayFiles.flyway()), flyway));

            Map<String, MeasuredRuns> runs = new LinkedHashMap<>();
            for (String label : List.of(APP_START, "covet status", "covet migrate (nothing pending)", "covet help",
                    "Flyway info (API, own JVM)")) {
                runs.put(label, new MeasuredRuns());
            }
            for (int r = 0; r < options.runs(); r++) {
                runs.get(APP_START).measure(() -> process(jar, workDir, settings, List.of("--server.port=0"), STARTED));
                runs.get("covet status").measure(() -> process(jar, workDir, settings, List.of("covet", "status"), null));
                runs.get("covet migrate (nothing pending)").measure(() -> process(jar, workDir, settings, List.of("covet", "migrate"), null));
                runs.get("covet help").measure(() -> process(jar, workDir, List.of(), List.of("covet", "help"), null));
                runs.get("Flyway info (API, own JVM)").measure(() -> {
                    ChildLauncher.Timed info = launcher.run(withTarget(List.of("flyway", "info", db, "dir=" + flywayFiles.flyway()), flyway));
                    return timed(info.wallNanos(), info.result().cpuNanos(), info.result().peakRssKib(), info.result().note());
                });
            }
            List<Measurement> out = new ArrayList<>();
            runs.forEach((label, r) -> out.add(r.measurement(SCENARIO, db, label)));
            return out;
        } finally {
            server.drop("covet_bench_commands_app");
            server.drop("covet_bench_commands_flyway");
        }
    }

    private int appliedMigrations(Target target) throws java.sql.SQLException {
        try (java.sql.Connection c = target.connect(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM covet_migrations")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> withTarget(List<String> args, Target target) {
        List<String> all = new ArrayList<>(args);
        all.addAll(target.toArgs());
        return all;
    }

    private List<String> settings(Target target) {
        List<String> s = new ArrayList<>(List.of("--spring.datasource.url=" + target.url()));
        if (!target.user().isEmpty()) {
            s.add("--spring.datasource.username=" + target.user());
            s.add("--spring.datasource.password=" + target.password());
        }
        return s;
    }

    /**
     * Runs the jar until it exits, or until a line containing {@code until} (then ends it), and times it.
     */
    private static ChildLauncher.Timed process(Path jar, Path workDir, List<String> settings, List<String> args, String until)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(settings);
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        long t0 = System.nanoTime();
        Process p = pb.start();
        StringBuilder output = new StringBuilder();
        long wall = -1;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
                if (until != null && line.contains(until)) {
                    wall = System.nanoTime() - t0;
                    break;
                }
            }
            long cpu = p.info().totalCpuDuration().map(d -> d.toNanos()).orElse(-1L);
            if (until != null) {
                p.destroy();
                p.waitFor(30, TimeUnit.SECONDS);
                if (wall < 0) {
                    throw new ChildLauncher.ChildFailedException("the application never printed '" + until + "':\n"
                            + tail(output), "never started");
                }
                return timed(wall, cpu, -1, String.join(" ", args));
            }
            int exit = p.waitFor();
            wall = System.nanoTime() - t0;
            if (exit != 0) {
                throw new ChildLauncher.ChildFailedException(args + " exited with " + exit + ":\n" + tail(output),
                        args + " exited with " + exit);
            }
            return timed(wall, -1, -1, String.join(" ", args));
        } finally {
            p.destroyForcibly();
        }
    }

    private static String tail(CharSequence output) {
        return output.length() <= 4000 ? output.toString() : "..." + output.subSequence(output.length() - 4000, output.length());
    }

    /**
     * One timed process, as a row of the report: its "call" is the process's wall time, so ratios compare whole
     * processes; CPU where it could be read (-1 otherwise).
     */
    private static ChildLauncher.Timed timed(long wallNanos, long cpuNanos, long peakRssKib, String note) {
        return new ChildLauncher.Timed(new ChildResult(wallNanos, wallNanos, cpuNanos, peakRssKib, note), wallNanos);
    }
}
