package dev.covet.benchmarks;

import dev.covet.benchmarks.db.DbKind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The driver's command line.
 *
 * @param runs measured runs per tool (fresh JVM each)
 * @param dbs databases to run on
 * @param scenarios scenarios to run
 * @param migrations length of the generated history
 * @param seed the generator's seed
 * @param tables tables of the introspection scenario
 * @param rows rows of the SQLite rebuild scenario
 * @param out where to write the Markdown too ({@code null}: stdout only)
 * @param childJvmArgs extra JVM options for every child (e.g. {@code -XX:StartFlightRecording=...})
 * @param keep keep the temp directory (workloads, SQLite files) for inspection
 * @param appJar the sample application's jar, for the commands scenario
 * @param fleetParallelism the parallelisms of Covet's fleet rows in the fleet scenario
 */
public record BenchOptions(int runs, List<DbKind> dbs, List<String> scenarios, int migrations, long seed, int tables,
                           int rows, Path out, List<String> childJvmArgs, boolean keep, Path appJar,
                           List<Integer> fleetParallelism) {

    /** Every scenario, in report order. */
    public static final List<String> SCENARIOS = List.of("fresh", "startup", "squash", "introspect", "rebuild", "rename",
            "commands", "fleet");

    static final String USAGE = """
            usage: java -jar benchmarks/target/covet-benchmarks.jar [options]
              --runs N             measured runs per tool, each in a fresh JVM (default 5)
              --db LIST            sqlite,postgres,mysql (default all three)
              --scenario LIST      fresh,startup,squash,introspect,rebuild,rename,commands,fleet (default all)
              --migrations N       generated history length (default 500)
              --seed N             generator seed (default 20261130)
              --tables N           introspection tables (default 1000)
              --rows N             SQLite rebuild rows (default 1000000)
              --out FILE           also write the Markdown report to FILE
              --child-jvm ARG      an extra JVM option for the children (repeatable)
              --keep               keep the temp directory
              --app-jar FILE       the sample application's jar for the commands scenario
                                   (default sample-app/target/sample-app-0.1.0-SNAPSHOT.jar)
              --fleet-parallelism LIST   parallelisms of Covet's fleet rows in the fleet scenario (default 4,8)
            """;

    public static BenchOptions parse(String[] args) {
        int runs = 5;
        List<DbKind> dbs = List.of(DbKind.SQLITE, DbKind.POSTGRES, DbKind.MYSQL);
        List<String> scenarios = SCENARIOS;
        int migrations = 500;
        long seed = 20261130L;
        int tables = 1000;
        int rows = 1_000_000;
        Path out = null;
        List<String> jvm = new ArrayList<>();
        boolean keep = false;
        Path appJar = Path.of("sample-app", "target", "sample-app-0.1.0-SNAPSHOT.jar");
        List<Integer> fleetParallelism = List.of(4, 8);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--runs" -> runs = Integer.parseInt(value(args, ++i, a));
                case "--db" -> dbs = Arrays.stream(value(args, ++i, a).split(",")).map(DbKind::parse).distinct().toList();
                case "--scenario" -> scenarios = Arrays.stream(value(args, ++i, a).split(",")).map(String::trim)
                        .peek(BenchOptions::checkScenario).toList();
                case "--migrations" -> migrations = Integer.parseInt(value(args, ++i, a));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                case "--tables" -> tables = Integer.parseInt(value(args, ++i, a));
                case "--rows" -> rows = Integer.parseInt(value(args, ++i, a));
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--child-jvm" -> jvm.add(value(args, ++i, a));
                case "--keep" -> keep = true;
                case "--app-jar" -> appJar = Path.of(value(args, ++i, a));
                case "--fleet-parallelism" -> fleetParallelism = Arrays.stream(value(args, ++i, a).split(","))
                        .map(String::trim).map(Integer::parseInt).toList();
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1");
        }
        if (fleetParallelism.stream().anyMatch(p -> p < 1)) {
            throw new IllegalArgumentException("--fleet-parallelism values must be at least 1");
        }
        return new BenchOptions(runs, dbs, scenarios, migrations, seed, tables, rows, out, List.copyOf(jvm), keep, appJar,
                fleetParallelism);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static void checkScenario(String s) {
        if (!SCENARIOS.contains(s)) {
            throw new IllegalArgumentException("unknown scenario '" + s + "' (" + String.join(", ", SCENARIOS) + ")");
        }
    }
}
