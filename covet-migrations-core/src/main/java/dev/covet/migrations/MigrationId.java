package dev.covet.migrations;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A migration's identity: its app (namespace) and its name, the file name without extension
 * ({@code 0042_add_user_verification}). Written {@code app:name}, or just {@code name} in the default app.
 */
public record MigrationId(String app, String name) implements Comparable<MigrationId> {

    /** The app of migrations that name none. */
    public static final String DEFAULT_APP = "default";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,199}");

    public MigrationId {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(name, "name");
        requireSafe(app, "app");
        requireSafe(name, "migration name");
    }

    private static void requireSafe(String value, String what) {
        if (!SAFE.matcher(value).matches() || value.contains("..")) {
            throw new IllegalArgumentException("invalid " + what + " '" + value
                    + "': use letters, digits, '_', '-' and '.' only (no path separators or '..')");
        }
    }

    /** Parses {@code app:name} or {@code name} (then in {@code defaultApp}). */
    public static MigrationId parse(String text, String defaultApp) {
        int colon = text.indexOf(':');
        return colon < 0 ? new MigrationId(defaultApp, text.trim())
                : new MigrationId(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
    }

    /** The leading number of the name ({@code 42} for {@code 0042_x}), or -1. */
    public long number() {
        int end = 0;
        while (end < name.length() && Character.isDigit(name.charAt(end))) {
            end++;
        }
        return end == 0 || end > 18 ? -1 : Long.parseLong(name.substring(0, end));
    }

    @Override
    public int compareTo(MigrationId o) {
        int c = app.compareTo(o.app);
        return c != 0 ? c : name.compareTo(o.name);
    }

    // equals and hashCode written out: a record's generated ones are bootstrapped on first use, which costs tens
    // of milliseconds in a fresh JVM, and every start looks ids up in maps.
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof MigrationId other && app.equals(other.app) && name.equals(other.name));
    }

    @Override
    public int hashCode() {
        return 31 * app.hashCode() + name.hashCode();
    }

    @Override
    public String toString() {
        return DEFAULT_APP.equals(app) ? name : app + ":" + name;
    }
}
