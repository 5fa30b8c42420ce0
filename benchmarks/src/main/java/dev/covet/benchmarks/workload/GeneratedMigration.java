package dev.covet.benchmarks.workload;

import dev.covet.migrations.operation.Operation;

import java.util.List;

/**
 * One migration of the generated history, as operations (the single source every tool's files are rendered from).
 *
 * @param number its position, from 1
 * @param slug snake_case name without number
 * @param operations what it does
 */
public record GeneratedMigration(int number, String slug, List<Operation> operations) {

    public GeneratedMigration {
        operations = List.copyOf(operations);
    }

    /** {@code 0042_add_t007_c03}: Covet's file name without extension. */
    public String covetName() {
        return String.format("%04d_%s", number, slug);
    }

    /** {@code V42__add_t007_c03}: Flyway's file name without extension. */
    public String flywayName() {
        return "V" + number + "__" + slug;
    }
}
