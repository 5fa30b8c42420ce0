package dev.covet.migrations.execute;

import dev.covet.migrations.history.HistoryTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * What executors need besides the migration: where history is written, who applies, and a hook that runs
 * inside each migration's transaction (SQLite renews its lock lease there).
 *
 * @param history the history table
 * @param appliedBy recorded as who applied
 * @param inTransaction runs inside each migration's transaction, before commit
 * @param lockTimeout how long a MySQL resume waits for a killed attempt's statement still running on the server
 */
public record ExecutionContext(HistoryTable history, String appliedBy, TransactionHook inTransaction, Duration lockTimeout) {

    /** Work done inside a migration's transaction. */
    @FunctionalInterface
    public interface TransactionHook {
        void run(Connection connection) throws SQLException;
    }
}
