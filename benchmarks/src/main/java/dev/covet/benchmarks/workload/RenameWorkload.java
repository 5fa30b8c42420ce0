package dev.covet.benchmarks.workload;

import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Columns for the rename-detection scenario: {@code n} dropped and {@code n} added, where half of the added ones
 * are plausible renames of a dropped one (a word changed or abbreviated) and half are unrelated.
 *
 * @param dropped columns that disappeared
 * @param added columns that appeared
 */
public record RenameWorkload(List<ColumnSchema> dropped, List<ColumnSchema> added) {

    private static final String[] WORDS = {"customer", "order", "invoice", "shipping", "billing", "product", "account",
            "payment", "created", "updated", "status", "amount", "address", "email", "phone", "discount", "tax", "total",
            "region", "country", "warehouse", "supplier", "category", "price", "quantity", "note", "reference", "code"};
    private static final ColumnType[] TYPES = {ColumnType.varchar(100), ColumnType.of(ColumnType.Kind.INTEGER),
            ColumnType.of(ColumnType.Kind.BIGINT), ColumnType.decimal(10, 2), ColumnType.of(ColumnType.Kind.TIMESTAMP)};

    public RenameWorkload {
        dropped = List.copyOf(dropped);
        added = List.copyOf(added);
    }

    /** A deterministic workload of {@code n} dropped and {@code n} added columns. */
    public static RenameWorkload generate(int n, long seed) {
        Random random = new Random(seed);
        List<ColumnSchema> dropped = new ArrayList<>(n);
        List<ColumnSchema> added = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String first = WORDS[random.nextInt(WORDS.length)];
            String second = WORDS[random.nextInt(WORDS.length)];
            ColumnType type = TYPES[random.nextInt(TYPES.length)];
            dropped.add(ColumnSchema.of(first + "_" + second + "_" + i, type));
            String newName = i % 2 == 0
                    ? first + "_" + second.substring(0, Math.max(3, second.length() - 2)) + "_" + i
                    : WORDS[random.nextInt(WORDS.length)] + "_x" + Integer.toString(random.nextInt(1 << 20), 36) + "_" + i;
            added.add(ColumnSchema.of(newName, type));
        }
        return new RenameWorkload(dropped, added);
    }
}
