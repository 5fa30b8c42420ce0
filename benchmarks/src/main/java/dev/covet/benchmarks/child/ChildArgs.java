package dev.covet.benchmarks.child;

import dev.covet.benchmarks.db.DbKind;
import dev.covet.benchmarks.db.Target;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What a child run is told.
 *
 * @param tool {@code covet}, {@code flyway}, {@code liquibase}, {@code jdbc}, {@code plain}
 * @param scenario {@code fresh}, {@code startup}, {@code squash}, {@code introspect}, {@code rebuild}, {@code rename}
 * @param db the database kind ({@code null} for the rename scenario, which uses none)
 * @param dir the files the tool reads, when it reads any
 * @param target where it connects ({@code null} when it does not)
 * @param options every {@code key=value} given, for what only one scenario reads ({@code parallelism=} of the fleet)
 */
public record ChildArgs(String tool, String scenario, DbKind db, Path dir, Target target, Map<String, String> options) {

    /** {@code <tool> <scenario> <db> dir=... url=... user=... password=...}. */
    public static ChildArgs parse(String[] args) {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: RunOne <tool> <scenario> <db|none> [dir=...] [url=... user=... password=...]");
        }
        Map<String, String> opts = new HashMap<>();
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected key=value, got " + args[i]);
            }
            opts.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        DbKind db = args[2].equals("none") ? null : DbKind.parse(args[2]);
        Path dir = opts.containsKey("dir") ? Path.of(opts.get("dir")) : null;
        Target target = opts.containsKey("url")
                ? new Target(opts.get("url"), opts.getOrDefault("user", ""), opts.getOrDefault("password", "")) : null;
        return new ChildArgs(args[0], args[1], db, dir, target, Map.copyOf(opts));
    }
}
