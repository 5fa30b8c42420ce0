package dev.covet.migrations.internal.introspect;

import java.util.Locale;

/** Normalizes foreign-key actions as catalogs spell them to the model's words. */
final class ReferentialActions {

    private ReferentialActions() {
    }

    /**
     * {@code CASCADE}, {@code SET NULL}, {@code SET DEFAULT} or {@code RESTRICT}; {@code null} for NO ACTION, which
     * is what a migration file that names no action projects.
     */
    static String normalize(String action) {
        if (action == null) {
            return null;
        }
        String a = action.trim().replace('_', ' ').replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        return a.isEmpty() || a.equals("NO ACTION") ? null : a;
    }

    /**
     * The same for MySQL and MariaDB, where RESTRICT is also what a key without a clause gets (InnoDB checks at once
     * either way, and the catalog shows RESTRICT for both): {@code null} too.
     */
    static String normalizeMySql(String action) {
        String a = normalize(action);
        return "RESTRICT".equals(a) ? null : a;
    }

    /** PostgreSQL's one-letter {@code pg_constraint.confdeltype}/{@code confupdtype} codes. */
    static String fromPostgresCode(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            case "r" -> "RESTRICT";
            default -> null; // 'a' no action
        };
    }
}
