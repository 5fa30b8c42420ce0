package dev.covet.migrations.internal.jpa;

import dev.covet.migrations.schema.ColumnType;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the SQL type names Hibernate's dialects write into the model's {@link ColumnType}. */
public final class HibernateTypes {

    private static final Pattern FLOAT = Pattern.compile("float\\((\\d+)\\)");
    private static final Pattern ARGS_BEFORE_WORDS = Pattern.compile("^([a-z]+)(\\([\\d, ]+\\))(\\s+.+)$");

    private HibernateTypes() {
    }

    public static ColumnType parse(String hibernateType, Long length, String context) {
        String t = hibernateType.trim().toLowerCase(Locale.ROOT);
        Matcher f = FLOAT.matcher(t);
        if (f.matches()) {
            // float(p): up to 24 bits of precision is single, above is double (SQL standard, as Hibernate uses it).
            return ColumnType.of(Integer.parseInt(f.group(1)) <= 24 ? ColumnType.Kind.REAL : ColumnType.Kind.DOUBLE);
        }
        if (t.startsWith("enum")) {
            // MySQL's native enum for @Enumerated(STRING): the portable model keeps it as text.
            return ColumnType.varchar(length == null ? 255 : length.intValue());
        }
        switch (t) {
            case "bit", "boolean", "bool" -> {
                return ColumnType.of(ColumnType.Kind.BOOLEAN);
            }
            case "tinyint" -> {
                return ColumnType.of(ColumnType.Kind.SMALLINT);
            }
            case "bytea", "blob", "longblob", "tinyblob", "mediumblob" -> {
                return ColumnType.of(ColumnType.Kind.BLOB);
            }
            default -> {
            }
        }
        Matcher m = ARGS_BEFORE_WORDS.matcher(t);
        if (m.matches()) {
            // "timestamp(6) with time zone" -> "timestamp with time zone(6)", the form ColumnType parses.
            t = m.group(1) + m.group(3) + m.group(2);
        }
        try {
            return ColumnType.parse(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(context + ": Hibernate maps it to SQL type '" + hibernateType
                    + "', which Covet does not know; set columnDefinition to a known type", e);
        }
    }
}
