package dev.covet.migrations.internal.drift;

import dev.covet.migrations.Migration;
import dev.covet.migrations.drift.SchemaDrift;
import dev.covet.migrations.introspect.DatabaseObject;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.RunSql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Drift of the objects besides tables (views, routines, triggers, types...) that applied migrations declare with
 * RUN_SQL's {@code object} (what a baseline writes): each must be in the database with the definition its migration
 * wrote. Objects the database has and no migration declares are reported only while every applied RUN_SQL declares
 * its object (hand-written SQL may have made them); without any declared object nothing is read.
 */
final class ObjectDrift {

    private ObjectDrift() {
    }

    /** A declared object: its definition and the migration that wrote it. */
    private record Declared(String sql, String migration) {
    }

    static List<SchemaDrift> check(List<Migration> applied, String dialect, Supplier<List<DatabaseObject>> live) {
        Map<String, Declared> declared = new LinkedHashMap<>();
        boolean undeclaredSql = false;
        for (Migration m : applied) {
            for (Operation op : m.operations()) {
                if (op instanceof RunSql r && r.object() != null) {
                    r.sql().statementsFor(dialect).ifPresent(sql -> declared.put(r.object(),
                            new Declared(String.join("\n", sql).strip(), m.id().toString())));
                } else if (op instanceof RunSql) {
                    undeclaredSql = true;
                }
            }
        }
        if (declared.isEmpty()) {
            return List.of();
        }
        Map<String, String> found = new LinkedHashMap<>();
        for (DatabaseObject o : live.get()) {
            found.put(o.label(), o.createSql().strip());
        }
        List<SchemaDrift> drift = new ArrayList<>();
        declared.forEach((label, d) -> {
            String has = found.get(label);
            if (has == null) {
                drift.add(new SchemaDrift(label, label + " is missing from the database (" + d.migration() + " creates it)"));
            } else if (!has.equals(d.sql())) {
                drift.add(new SchemaDrift(label, label + " differs from the definition " + d.migration() + " wrote"));
            }
        });
        if (!undeclaredSql) {
            found.keySet().stream().filter(label -> !declared.containsKey(label)).forEach(label ->
                    drift.add(new SchemaDrift(label, label + " exists in the database but no migration creates it")));
        }
        return drift;
    }
}
