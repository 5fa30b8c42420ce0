package dev.covet.migrations.internal.execute;

import dev.covet.migrations.internal.history.HistoryTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * What executors need besides the migration: where history is written, who applies, a hook that runs
 * inside each migration's transaction (SQLite renews its lock lease there), and the backups taken before drops.
 *
 * @param history the history table
 * @param appliedBy recorded as who applied
 * @param inTransaction runs inside each migration's transaction, before commit
 * @param dropBackups backs up the rows of a table or column right before an applied migration drops it; {@code null}
 *        for none (rollbacks, whose own safety net is {@link dev.covet.migrations.safety.RollbackValidator})
 * @param lockTimeout how long a MySQL resume waits for a killed attempt's statement still running on the server
 */
public record ExecutionContext(HistoryTable history, String appliedBy, TransactionHook inTransaction, DropBackups dropBackups,
                               Duration lockTimeout) {

    /** Work done inside a migration's transaction. */
    @FunctionalInterface
    public interface TransactionHook {
        void run(Connection connection) throws SQLException;
    }
}
