package dev.covet.migrations.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Deterministic names for constraints that migration files do not name themselves, so every dialect
 * creates, reads back and drops the same name.
 */
public final class Names {

    /** The longest identifier every supported database accepts (PostgreSQL: 63). */
    public static final int MAX_LENGTH = 63;

    private Names() {
    }

    /** The name of the UNIQUE constraint behind a column's {@code unique: true}: {@code uk_<table>_<column>}. */
    public static String uniqueConstraintName(String table, String column) {
        return bounded("uk_" + table + "_" + column);
    }

    /**
     * The name of an unnamed CHECK declared on a column: {@code ck_<table>_<column>}, then
     * {@code ck_<table>_<column>_2}, ... for further unnamed ones on the same column, in declaration order.
     *
     * @param ordinal 1 for the column's first unnamed CHECK
     */
    public static String columnCheckName(String table, String column, int ordinal) {
        return bounded("ck_" + table + "_" + column + (ordinal > 1 ? "_" + ordinal : ""));
    }

    /**
     * The name of an unnamed CHECK declared on a table: {@code ck_<table>_<hash>}, the hash over the expression
     * with runs of whitespace collapsed. Derived from the text rather than the position, so adding, removing or
     * reordering other checks does not rename this one; a changed expression gets a new name (a drop and an add,
     * which is what a changed CHECK needs anyway).
     */
    public static String tableCheckName(String table, String expression) {
        return bounded("ck_" + table + "_" + hash(expression.strip().replaceAll("\\s+", " ")));
    }

    /** The name of a foreign key the entities leave unnamed: {@code fk_<table>_<columns>}. */
    public static String foreignKeyName(String table, List<String> columns) {
        return bounded("fk_" + table + "_" + String.join("_", columns));
    }

    /**
     * The name cut to {@link #MAX_LENGTH}, with a short hash of the whole name so two long names that share a
     * prefix stay distinct.
     */
    public static String bounded(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        String hash = hash(name);
        return name.substring(0, MAX_LENGTH - hash.length() - 1) + "_" + hash;
    }

    /** The first 8 hex digits of the text's SHA-256. */
    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
