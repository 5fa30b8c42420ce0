package dev.covet.migrations.internal.execute;

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

    /** This work, then {@code next}'s, around each step; a failure is explained by both (each may leave it as it is). */
    default StepHooks andThen(StepHooks next) {
        if (next == NONE) {
            return this;
        }
        if (this == NONE) {
            return next;
        }
        StepHooks first = this;
        return new StepHooks() {
            @Override
            public void before(Connection c, int index) throws SQLException {
                first.before(c, index);
                next.before(c, index);
            }

            @Override
            public void after(Connection c, int index) throws SQLException {
                first.after(c, index);
                next.after(c, index);
            }

            @Override
            public SQLException explain(Connection c, int index, SQLException failure) {
                return next.explain(c, index, first.explain(c, index, failure));
            }
        };
    }
}
