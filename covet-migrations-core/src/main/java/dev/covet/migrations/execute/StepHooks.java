package dev.covet.migrations.execute;

import java.sql.Connection;
import java.sql.SQLException;

/** Work the executor does around each step (SQLite's table rebuilds need it); steps are named by index. */
interface StepHooks {

    /** No extra work. */
    StepHooks NONE = new StepHooks() {
    };

    /** Before step {@code index} runs. */
    default void before(Connection c, int index) throws SQLException {
    }

    /** After step {@code index} ran without error. */
    default void after(Connection c, int index) throws SQLException {
    }

    /** A clearer failure for step {@code index}, or the failure itself. */
    default SQLException explain(Connection c, int index, SQLException failure) {
        return failure;
    }
}
