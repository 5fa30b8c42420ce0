package dev.covet.migrations.data;

import java.sql.SQLException;

/**
 * Rows changed by the Java migration running on this thread, so the audit trail records them: JDBC cannot tell the
 * engine what code did on its own. {@link BatchUpdate} adds each batch; code with its own update loop calls
 * {@link #add(long)}.
 */
public final class AffectedRows {

    private static final ThreadLocal<long[]> COUNT = new ThreadLocal<>();

    private AffectedRows() {
    }

    /** Counts rows changed by the running Java migration (ignored outside one). */
    public static void add(long rows) {
        long[] count = COUNT.get();
        if (count != null && rows > 0) {
            count[0] += rows;
        }
    }

    /** Work that may throw {@link java.sql.SQLException}. */
    @FunctionalInterface
    public interface SqlWork {
        /** Does the work. */
        void run() throws SQLException;
    }

    /**
     * Runs the work and returns the rows it reported; used by the engine around each Java migration.
     *
     * @throws java.sql.SQLException when the work does
     */
    public static long countDuring(SqlWork work) throws SQLException {
        long[] outer = COUNT.get();
        long[] count = {0};
        COUNT.set(count);
        try {
            work.run();
            return count[0];
        } finally {
            if (outer == null) {
                COUNT.remove();
            } else {
                COUNT.set(outer);
            }
        }
    }
}
