package dev.covet.migrations.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
     * The name cut to {@link #MAX_LENGTH}, with a short hash of the whole name so two long names that share a
     * prefix stay distinct.
     */
    public static String bounded(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            String hash = HexFormat.of().formatHex(digest, 0, 4);
            return name.substring(0, MAX_LENGTH - hash.length() - 1) + "_" + hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
