package dev.covet.migrations.schema;

/**
 * The column types Covet's own tables (history, audit, backups, batch progress, locks) share, so that every one of
 * them is rendered alike by the dialect that renders migrations.
 */
public final class OwnTables {

    /**
     * A point in time to the microsecond: {@code DATETIME(6)} on MySQL, whose bare {@code DATETIME} drops the
     * fraction; {@code TIMESTAMP(6)}, the same as {@code TIMESTAMP}, on PostgreSQL.
     */
    public static final ColumnType TIMESTAMP = new ColumnType(ColumnType.Kind.TIMESTAMP, null, 6, null);

    /** Text of any length: {@code LONGTEXT} on MySQL. */
    public static final ColumnType TEXT = ColumnType.of(ColumnType.Kind.TEXT);

    /** Whole numbers beyond 2^31: ids, counts, milliseconds. */
    public static final ColumnType BIGINT = ColumnType.of(ColumnType.Kind.BIGINT);

    /** Whole numbers. */
    public static final ColumnType INTEGER = ColumnType.of(ColumnType.Kind.INTEGER);

    private OwnTables() {
    }
}
