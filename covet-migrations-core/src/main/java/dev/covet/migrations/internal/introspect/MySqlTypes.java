package dev.covet.migrations.internal.introspect;

import dev.covet.migrations.schema.ColumnType;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps MySQL/MariaDB {@code COLUMN_TYPE} text to the model's types. */
public final class MySqlTypes {

    /** Integer types with a display width, which is no part of the type ({@code int(11)}, {@code bigint(20)}). */
    private static final Pattern INTEGER_WIDTH = Pattern.compile("^(tinyint|smallint|mediumint|int|integer|bigint)\\(\\d+\\)$");

    /**
     * What parses as a portable type but would come back as another: enums and sets (the portable model has
     * neither), unsigned and zero-filled numbers, {@code bit(n)}, and the text and blob types below the long ones
     * (the portable TEXT and BLOB are {@code longtext} and {@code longblob} here).
     */
    private static final Pattern KEPT_AS_WRITTEN = Pattern.compile(
            "^(enum|set)\\(| unsigned| zerofill|^bit\\(|^(tiny|medium)?(text|blob)$|^year|^mediumint");

    private MySqlTypes() {
    }

    /**
     * The model's type for a {@code COLUMN_TYPE}: portable where it renders back as the same MySQL type, else
     * MySQL's own type verbatim ({@code enum(...)}, {@code set(...)}, {@code year(4)}, unsigned integers and
     * decimals, {@code bit(n)}, {@code tinytext}, spatial types...).
     */
    public static ColumnType parse(String columnType) {
        String t = columnType.toLowerCase(Locale.ROOT).trim();
        if (KEPT_AS_WRITTEN.matcher(t).find()) {
            return ColumnType.nativeType("mysql", columnType.trim());
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
        try {
            return ColumnType.parse(t);
        } catch (IllegalArgumentException unknown) {
            return ColumnType.nativeType("mysql", columnType.trim());
        }
    }
}
