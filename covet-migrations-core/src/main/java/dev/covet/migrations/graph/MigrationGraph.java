package dev.covet.migrations.graph;

import dev.covet.migrations.Migration;

import java.util.Collection;
import java.util.List;

/** STUB: being written. */
public final class MigrationGraph {
    private final List<Migration> migrations;

    private MigrationGraph(List<Migration> migrations) {
        this.migrations = migrations;
    }

    public static MigrationGraph of(Collection<Migration> migrations) {
        return new MigrationGraph(List.copyOf(migrations));
    }

    public List<Migration> order() {
        return migrations;
    }
}
