package dev.covet.benchmarks.db;

import dev.covet.migrations.dialect.Dialect;

import java.util.Locale;

/** The databases the benchmarks run on. */
public enum DbKind {
    POSTGRES("postgres", "postgresql"),
    MYSQL("mysql", "mysql"),
    SQLITE("sqlite", "sqlite");

    private final String cliName;
    private final String dialectName;

    DbKind(String cliName, String dialectName) {
        this.cliName = cliName;
        this.dialectName = dialectName;
    }

    /** The name used on the command line and in child arguments. */
    public String cliName() {
        return cliName;
    }

    /** Covet's dialect for it. */
    public Dialect dialect() {
        return Dialect.forName(dialectName);
    }

    /** {@code postgres}/{@code pg}/{@code postgresql}, {@code mysql}/{@code mariadb}, {@code sqlite}. */
    public static DbKind parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "postgres", "pg", "postgresql" -> POSTGRES;
            case "mysql", "mariadb" -> MYSQL;
            case "sqlite" -> SQLITE;
            default -> throw new IllegalArgumentException("unknown database '" + text + "' (postgres, mysql, sqlite)");
        };
    }
}
