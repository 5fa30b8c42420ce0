package dev.covet.migrations.schema;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column type written as SQL in a migration file ({@code VARCHAR(255)}, {@code DECIMAL(10,2)},
 * {@code BIGINT}), parsed and normalized so the same type compares equal whichever dialect it came from.
 * <p>
 * A type the portable kinds cannot say (a PostgreSQL enum, domain, array or {@code tsvector}; MySQL's
 * {@code ENUM(...)}, {@code SET(...)}, {@code YEAR} or an {@code UNSIGNED} integer; a SQLite type name of any
 * spelling) is kept as the database's own, verbatim, tagged with its dialect: {@code postgresql:tsvector},
 * {@code mysql:int unsigned}. It renders as written on that dialect and is refused, naming it, on the others.
 *
 * @param kind the normalized kind
 * @param length length for character/binary kinds, or {@code null}
 * @param precision precision for DECIMAL (and fractional seconds for TIMESTAMP), or {@code null}
 * @param scale scale for DECIMAL, or {@code null}
 * @param dialect for {@link Kind#NATIVE}, the dialect whose type it is ({@code postgresql}, {@code mysql},
 *                {@code sqlite}); otherwise {@code null}
 * @param nativeSql for {@link Kind#NATIVE}, the type as that database spells it; otherwise {@code null}
 */
public record ColumnType(Kind kind, Integer length, Integer precision, Integer scale, String dialect, String nativeSql) {

    /**
     * Normalized type kinds; each dialect maps them to its own SQL. {@code BINARY(n)} is fixed-length bytes (what
     * Hibernate maps a {@code UUID} to on MySQL); {@code OID} is a PostgreSQL large-object reference (Hibernate's
     * {@code @Lob} on PostgreSQL), bytes elsewhere.
     */
    public enum Kind {
        SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE, BOOLEAN,
        CHAR, VARCHAR, TEXT, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, BLOB, UUID, JSON, BINARY, OID,
        /** One database's own type, kept verbatim: see {@link ColumnType#nativeType}. */
        NATIVE;

        /** Whether values of this kind are integers. */
        public boolean isInteger() {
            return this == SMALLINT || this == INTEGER || this == BIGINT;
        }

        /** Whether values of this kind are character strings. */
        public boolean isText() {
            return this == CHAR || this == VARCHAR || this == TEXT;
        }
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SYNTAX =
            Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9 _]*?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*$");

    private static final Pattern NATIVE_INTEGER = Pattern.compile("^(tiny|small|medium|big)?int(eger)?\\b");

    /** The dialects a native type may belong to. */
    private static final Pattern NATIVE_TAG = Pattern.compile("^(postgresql|mysql|sqlite):(.*)$", Pattern.DOTALL);

    public ColumnType {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.NATIVE) {
            Objects.requireNonNull(dialect, "dialect of a native type");
            nativeSql = NativeTypeText.checked(dialect, nativeSql);
        } else if (dialect != null || nativeSql != null) {
            throw new IllegalArgumentException("only a NATIVE type names a dialect");
        }
    }

    /** A portable type: a kind and its sizes. */
    public ColumnType(Kind kind, Integer length, Integer precision, Integer scale) {
        this(kind, length, precision, scale, null, null);
    }

    /**
     * One database's own type, kept as that database spells it.
     *
     * @param dialect {@code postgresql}, {@code mysql} or {@code sqlite}
     * @param sql the type ({@code tsvector}, {@code enum('a','b')}, {@code int unsigned})
     * @return the type
     * @throws IllegalArgumentException when the text is empty or could end the statement it is written into
     */
    public static ColumnType nativeType(String dialect, String sql) {
        return new ColumnType(Kind.NATIVE, null, null, null, dialect, sql);
    }

    /**
     * Whether values of this type are integers: an integer kind, or a native integer type such as MySQL's
     * {@code int unsigned} (which may then auto-increment).
     */
    public boolean holdsIntegers() {
        return kind.isInteger() || isNative() && NATIVE_INTEGER.matcher(nativeSql).find();
    }

    /**
     * Whether this is a database's own type for a column the database computes from others (a generated column, as a
     * baseline reads it: {@code numeric(12,2) generated always as (price * qty) stored}): nothing is written to it.
     */
    public boolean isGenerated() {
        return isNative() && GENERATED.matcher(nativeSql).find();
    }

    private static final java.util.regex.Pattern GENERATED = java.util.regex.Pattern.compile(
            "\\s(generated\\s+always\\s+)?as\\s*\\(", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Whether this is one database's own type rather than a portable one. */
    public boolean isNative() {
        return kind == Kind.NATIVE;
    }

    /** A type with no size arguments. */
    public static ColumnType of(Kind kind) {
        return new ColumnType(kind, null, null, null);
    }

    /** {@code VARCHAR(length)}. */
    public static ColumnType varchar(int length) {
        return new ColumnType(Kind.VARCHAR, length, null, null);
    }

    /** {@code DECIMAL(precision, scale)}. */
    public static ColumnType decimal(int precision, int scale) {
        return new ColumnType(Kind.DECIMAL, null, precision, scale);
    }

    private static Integer size(String sql, String digits) {
        if (digits == null) {
            return null;
        }
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size " + digits + " in column type '" + sql + "' is out of range");
        }
    }

    /**
     * Parses a SQL type as written in migration files or read from a catalog.
     *
     * @throws IllegalArgumentException naming the type when it is not known
     */
    public static ColumnType parse(String sql) {
        if (sql == null) {
            throw new IllegalArgumentException("column type is missing");
        }
        Matcher tagged = NATIVE_TAG.matcher(sql.strip());
        if (tagged.matches()) {
            return nativeType(tagged.group(1), tagged.group(2));
        }
        Matcher m = SYNTAX.matcher(sql);
        if (!m.matches()) {
            throw unknown(sql);
        }
        String name = WHITESPACE.matcher(m.group(1).trim()).replaceAll(" ").toUpperCase(Locale.ROOT);
        Integer a = size(sql, m.group(2));
        Integer b = size(sql, m.group(3));
        return switch (name) {
            case "SMALLINT", "INT2", "TINYINT" -> of(Kind.SMALLINT);
            case "INTEGER", "INT", "INT4", "MEDIUMINT", "SERIAL" -> of(Kind.INTEGER);
            case "BIGINT", "INT8", "BIGSERIAL" -> of(Kind.BIGINT);
            case "DECIMAL", "NUMERIC", "DEC" -> new ColumnType(Kind.DECIMAL, null, a, b);
            case "REAL", "FLOAT4", "FLOAT" -> of(Kind.REAL);
            case "DOUBLE", "DOUBLE PRECISION", "FLOAT8" -> of(Kind.DOUBLE);
            case "BOOLEAN", "BOOL", "BIT" -> of(Kind.BOOLEAN);
            case "CHAR", "CHARACTER", "NCHAR", "BPCHAR" -> new ColumnType(Kind.CHAR, a == null ? 1 : a, null, null);
            case "VARCHAR", "CHARACTER VARYING", "NVARCHAR", "VARCHAR2" ->
                    a == null ? of(Kind.TEXT) : new ColumnType(Kind.VARCHAR, a, null, null);
            case "TEXT", "CLOB", "LONGTEXT", "MEDIUMTEXT", "TINYTEXT" -> of(Kind.TEXT);
            case "DATE" -> of(Kind.DATE);
            case "TIME", "TIME WITHOUT TIME ZONE" -> new ColumnType(Kind.TIME, null, a, null);
            case "TIMESTAMP", "DATETIME", "TIMESTAMP WITHOUT TIME ZONE" -> new ColumnType(Kind.TIMESTAMP, null, a, null);
            case "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE" -> new ColumnType(Kind.TIMESTAMPTZ, null, a, null);
            case "BLOB", "BYTEA", "LONGBLOB", "MEDIUMBLOB", "VARBINARY", "BINARY VARYING" ->
                    new ColumnType(Kind.BLOB, a, null, null);
            case "BINARY" -> new ColumnType(Kind.BINARY, a == null ? 1 : a, null, null);
            case "OID" -> of(Kind.OID);
            case "UUID" -> of(Kind.UUID);
            case "JSON", "JSONB" -> of(Kind.JSON);
            default -> throw unknown(sql);
        };
    }

    private static IllegalArgumentException unknown(String sql) {
        return new IllegalArgumentException("unknown column type '" + sql
                + "' (known: SMALLINT, INTEGER, BIGINT, DECIMAL(p,s), REAL, DOUBLE, BOOLEAN, CHAR(n), VARCHAR(n), TEXT,"
                + " DATE, TIME, TIMESTAMP, TIMESTAMPTZ, BLOB, BINARY(n), UUID, JSON, OID; or one database's own type,"
                + " tagged with it: postgresql:tsvector, mysql:year, sqlite:money)");
    }

    /** The portable SQL spelling used in migration files, e.g. {@code VARCHAR(255)}. */
    public String sql() {
        return switch (kind) {
            case CHAR, VARCHAR, BINARY -> kind + "(" + length + ")";
            case DECIMAL -> precision == null ? "DECIMAL"
                    : scale == null ? "DECIMAL(" + precision + ")" : "DECIMAL(" + precision + "," + scale + ")";
            case BLOB -> length == null ? "BLOB" : "VARBINARY(" + length + ")";
            case TIME, TIMESTAMP, TIMESTAMPTZ -> precision == null ? kind.name() : kind + "(" + precision + ")";
            case NATIVE -> dialect + ":" + nativeSql;
            default -> kind.name();
        };
    }

    @Override
    public String toString() {
        return sql();
    }
}
