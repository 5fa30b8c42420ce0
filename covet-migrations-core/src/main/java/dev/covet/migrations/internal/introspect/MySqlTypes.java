package dev.covet.migrations.internal.introspect;

import dev.covet.migrations.schema.ColumnType;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps MySQL/MariaDB {@code COLUMN_TYPE} text to the model's types. */
public final class MySqlTypes {

    /** Integer types with a display width, which is no part of the type ({@code int(11)}, {@code bigint(20)}). */
    private static final Pattern INTEGER_WIDTH = Pattern.compile("^(tinyint|smallint|mediumint|int|integer|bigint)\\(\\d+\\)$");
    /** One quoted value of an {@code enum(...)} list ({@code ''} is a quote inside it). */
    private static final Pattern ENUM_VALUE = Pattern.compile("'((?:[^']|'')*)'");

    private MySqlTypes() {
    }

    public static ColumnType parse(String columnType) {
        String t = columnType.toLowerCase(Locale.ROOT).replace(" unsigned", "").replace(" zerofill", "").trim();
        if (t.startsWith("enum(")) {
            return enumAsText(columnType.trim());
        }
        if (t.equals("tinyint(1)")) {
            return ColumnType.of(ColumnType.Kind.BOOLEAN); // MySQL's BOOLEAN is an alias of tinyint(1)
        }
        Matcher m = INTEGER_WIDTH.matcher(t);
        if (m.matches()) {
            t = m.group(1);
        }
        if (t.startsWith("timestamp")) {
            // MySQL's TIMESTAMP converts to and from the session time zone: the model's TIMESTAMPTZ
            t = "timestamptz" + t.substring("timestamp".length());
        }
        if (t.startsWith("float")) {
            t = "float"; // float(p) is still single precision for the p the model can write
        }
        return ColumnType.parse(t);
    }

    /**
     * A native {@code enum('A','B')} (what Hibernate writes for an {@code @Enumerated(STRING)} field on MySQL): the
     * portable model has no enum type, so it is text as long as its longest value.
     */
    private static ColumnType enumAsText(String columnType) {
        Matcher values = ENUM_VALUE.matcher(columnType);
        int longest = 1;
        while (values.find()) {
            longest = Math.max(longest, values.group(1).replace("''", "'").length());
        }
        return ColumnType.varchar(longest);
    }
}
