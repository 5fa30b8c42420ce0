package dev.covet.migrations;

import dev.covet.migrations.operation.DialectSql;
import dev.covet.migrations.operation.Operation;

import java.util.List;
import java.util.Objects;

/**
 * One migration, as loaded from a file or registered in code.
 *
 * @param id app and name
 * @param description what it does, for people
 * @param dependencies migrations that must be applied first
 * @param operations the schema operations, in order
 * @param forwardSql explicit SQL that replaces what the operations render, or {@code null}
 * @param backwardSql explicit rollback SQL, or {@code null}
 * @param replaces for a squashed migration, the migrations it stands for (else empty)
 * @param checksum checksum of the normalized source
 * @param source where it came from (a file path or classpath resource), for error messages
 * @param phase its place in an expand/contract deployment ({@link MigrationPhase#NONE} when not part of one)
 */
public record Migration(MigrationId id, String description, List<MigrationId> dependencies,
                        List<Operation> operations, DialectSql forwardSql, DialectSql backwardSql,
                        List<MigrationId> replaces, String checksum, String source, MigrationPhase phase) {

    /** A migration outside any expand/contract sequence. */
    public Migration(MigrationId id, String description, List<MigrationId> dependencies, List<Operation> operations,
                     DialectSql forwardSql, DialectSql backwardSql, List<MigrationId> replaces, String checksum,
                     String source) {
        this(id, description, dependencies, operations, forwardSql, backwardSql, replaces, checksum, source,
                MigrationPhase.NONE);
    }

    public Migration {
        Objects.requireNonNull(id, "id");
        description = description == null ? "" : description;
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        operations = operations == null ? List.of() : List.copyOf(operations);
        replaces = replaces == null ? List.of() : List.copyOf(replaces);
        source = source == null ? id.toString() : source;
        phase = phase == null ? MigrationPhase.NONE : phase;
    }

    /** A copy in another expand/contract phase. */
    public Migration withPhase(MigrationPhase newPhase) {
        return new Migration(id, description, dependencies, operations, forwardSql, backwardSql, replaces, checksum, source,
                newPhase);
    }

    /** A copy with other dependencies (used when the default, "the previous file", is filled in). */
    public Migration withDependencies(List<MigrationId> newDependencies) {
        return new Migration(id, description, newDependencies, operations, forwardSql, backwardSql, replaces, checksum, source,
                phase);
    }
}
