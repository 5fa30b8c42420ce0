package dev.covet.migrations.internal.lock;

import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.OwnTables;
import dev.covet.migrations.schema.TableSchema;

import java.net.InetAddress;
import java.util.List;

/**
 * The {@code <prefix>lock} table of the lease locks (SQLite's, and a Galera cluster's): at most one row, naming its
 * holder (a random owner id, host and process id) and when its lease expires (epoch ms), and when a lease is free.
 */
public final class LeaseTable {

    /** This host's name, as lease rows record it. */
    static final String HOST = hostName();

    private LeaseTable() {
    }

    /** The table's schema, for the dialect to render. */
    public static TableSchema schema(String tablePrefix) {
        ColumnType integer = OwnTables.INTEGER;
        // epoch milliseconds: 64 bits (SQLite's INTEGER is; MySQL's INT is not)
        ColumnType millis = OwnTables.BIGINT;
        ColumnType text = OwnTables.TEXT;
        return TableSchema.of(tablePrefix + "lock", List.of(
                        ColumnSchema.of("id", integer).notNull().asPrimaryKey(),
                        ColumnSchema.of("owner", text).notNull(),
                        ColumnSchema.of("host", text).notNull(),
                        ColumnSchema.of("pid", integer).notNull(),
                        ColumnSchema.of("acquired_at", millis).notNull(),
                        ColumnSchema.of("expires_at", millis).notNull()))
                .withConstraints(List.of(new ConstraintSchema(tablePrefix + "lock_one_row", ConstraintSchema.Kind.CHECK,
                        List.of(), "id = 1")));
    }

    /**
     * Whether a lease row leaves the lock free at {@code now}: its lease expired, or its holder ran on this host
     * and its process is gone (then there is no need to wait for the expiry).
     */
    static boolean free(String host, long pid, long expiresAt, long now) {
        return expiresAt < now || (HOST.equals(host) && !alive(pid));
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown-host";
        }
    }
}
