package dev.covet.migrations.operation;

import dev.covet.migrations.schema.SchemaState;

import java.util.List;
import java.util.Set;

/**
 * RUN_JAVA: runs a {@link dev.covet.migrations.JavaMigration} registered in code under {@code migration}.
 * Files only name it; nothing is loaded by class name. Reversible when the registered migration says so,
 * which the executor checks; here the operation reverses to itself and the executor calls its rollback.
 */
public record RunJava(String migration, boolean elidable, boolean backwards) implements Operation {

    public RunJava(String migration, boolean elidable) {
        this(migration, elidable, false);
    }

    @Override
    public String type() {
        return "RUN_JAVA";
    }

    @Override
    public SchemaState applyTo(SchemaState before) {
        return before;
    }

    @Override
    public List<Operation> reverse(SchemaState before) {
        return List.of(new RunJava(migration, elidable, !backwards));
    }

    @Override
    public Set<String> tables() {
        return Set.of();
    }
}
