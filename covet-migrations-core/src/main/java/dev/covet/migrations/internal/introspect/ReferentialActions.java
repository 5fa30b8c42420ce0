package dev.covet.migrations.internal.introspect;

import java.util.Locale;

/** Normalizes foreign-key actions as catalogs spell them to the model's words. */
final class ReferentialActions {

    private ReferentialActions() {
    }

    /**
     * {@code CASCADE}, {@code SET NULL} or {@code SET DEFAULT}; {@code null} for NO ACTION and RESTRICT, which
     * is what a migration file that names no action projects (the two differ only in deferral timing).
     */
    static String normalize(String action) {
        if (action == null) {
            return null;
        }
        String a = action.trim().replace('_', ' ').replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        return a.isEmpty() || a.equals("NO ACTION") || a.equals("RESTRICT") ? null : a;
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
            default -> null; // 'a' no action, 'r' restrict
        };
    }
}
