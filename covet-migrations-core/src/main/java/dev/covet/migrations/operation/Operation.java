package dev.covet.migrations.operation;

import dev.covet.migrations.schema.SchemaState;

import java.util.List;
import java.util.Set;

/**
 * One schema change. Each operation knows how it changes a projected {@link SchemaState} and what reverses
 * it; dialects turn it into SQL.
 */
public sealed interface Operation
        permits CreateTable, DropTable, RenameTable, AddColumn, DropColumn, AlterColumn, RenameColumn,
        AddIndex, DropIndex, AddForeignKey, DropForeignKey, AddConstraint, DropConstraint, RunSql, RunJava {

    /** The type as written in migration files, e.g. {@code ADD_COLUMN}. */
    String type();

    /**
     * The state after this operation.
     *
     * @throws dev.covet.migrations.schema.SchemaException when the operation does not fit the state
     */
    SchemaState applyTo(SchemaState before);

    /**
     * The operations that undo this one, given the state before it was applied.
     *
     * @throws IrreversibleOperationException when nothing can undo it (RUN_SQL without reverse_sql, say)
     */
    List<Operation> reverse(SchemaState before);

    /** Whether {@link #reverse} can succeed. */
    default boolean isReversible() {
        return true;
    }

    /** The tables this operation reads or changes (empty for raw SQL and Java code). */
    Set<String> tables();
}
