package dev.covet.migrations.internal.introspect;

import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnType;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns default values as catalogs report them into {@link ColumnDefault}s, typed by the column: so a
 * BOOLEAN column's {@code 1} is {@code true}, a numeric column's {@code '5'} is the number 5, and every
 * spelling of the current timestamp is the expression {@code CURRENT_TIMESTAMP}.
 */
final class DefaultValues {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern CURRENT_TIMESTAMP = Pattern.compile(
            "(?i)(current_timestamp|now|localtimestamp|transaction_timestamp|statement_timestamp)\\s*(\\(\\s*\\d*\\s*\\))?"
                    + "|datetime\\s*\\(\\s*'now'\\s*\\)");

    private static final Pattern BIT = Pattern.compile("[bB]'[01]'");

    private DefaultValues() {
    }

    /**
     * A default given as SQL text (PostgreSQL after casts are removed, MariaDB, SQLite): a quoted string, a
     * number, TRUE/FALSE, NULL (no default) or an expression.
     *
     * @param backslashEscapes whether string literals use backslash escapes (MySQL/MariaDB)
     */
    static ColumnDefault fromSql(String sql, ColumnType type, boolean backslashEscapes) {
        if (sql == null) {
            return null;
        }
        String s = SqlText.stripOuterParens(sql);
        if (SqlText.isQuotedString(s)) {
            return literal(SqlText.unquoteString(s, backslashEscapes), type);
        }
        if (s.equalsIgnoreCase("NULL") || s.isEmpty()) {
            return null;
        }
        if (s.equalsIgnoreCase("TRUE") || s.equalsIgnoreCase("FALSE")) {
            return new ColumnDefault.Literal(Boolean.valueOf(s.toLowerCase(Locale.ROOT)));
        }
        if (type.kind() == ColumnType.Kind.BOOLEAN && BIT.matcher(s).matches()) {
            // MariaDB's BIT(1) (Hibernate's boolean there) shows its default as a bit literal: b'1' is true
            return new ColumnDefault.Literal(bool(s.toLowerCase(Locale.ROOT)));
        }
        if (NUMBER.matcher(s).matches()) {
            // an unquoted number is a number whatever the column, except 0/1 on a BOOLEAN column
            Boolean b = type.kind() == ColumnType.Kind.BOOLEAN ? bool(s) : null;
            return new ColumnDefault.Literal(b != null ? b : new BigDecimal(s));
        }
        return expression(s);
    }

    /**
     * A default given as its unquoted value (MySQL 8's COLUMN_DEFAULT for literals), read by the column type:
     * booleans and numbers for those kinds, else the string itself.
     */
    static ColumnDefault literal(String value, ColumnType type) {
        if (type.kind() == ColumnType.Kind.BOOLEAN) {
            Boolean b = bool(value);
            if (b != null) {
                return new ColumnDefault.Literal(b);
            }
        }
        if ((type.kind().isInteger() || type.kind() == ColumnType.Kind.DECIMAL || type.kind() == ColumnType.Kind.REAL
                || type.kind() == ColumnType.Kind.DOUBLE) && NUMBER.matcher(value.trim()).matches()) {
            return new ColumnDefault.Literal(new BigDecimal(value.trim()));
        }
        return new ColumnDefault.Literal(value);
    }

    /** An expression default; the current-timestamp family is normalized to {@code CURRENT_TIMESTAMP}. */
    static ColumnDefault expression(String sql) {
        String s = SqlText.stripOuterParens(sql);
        if (CURRENT_TIMESTAMP.matcher(s).matches()) {
            return new ColumnDefault.Expression("CURRENT_TIMESTAMP");
        }
        return new ColumnDefault.Expression(s);
    }

    private static Boolean bool(String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "1": case "true": case "t": case "b'1'":
                return Boolean.TRUE;
            case "0": case "false": case "f": case "b'0'":
                return Boolean.FALSE;
            default:
                return null;
        }
    }
}
