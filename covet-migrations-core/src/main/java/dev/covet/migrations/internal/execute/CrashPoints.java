package dev.covet.migrations.internal.execute;

/**
 * Where a process running a MySQL migration can die, named so that tests can stop a run at each one exactly
 * (by throwing an {@link Error} there, which nothing in the executor catches) and check what the next start
 * makes of it. Production runs use {@link #NONE}.
 */
public interface CrashPoints {

    /** No crashes. */
    CrashPoints NONE = (point, statement) -> {
    };

    /** The moments around each statement. */
    enum Point {
        /** The RUNNING row is written; statement {@code statement} has not started. */
        BEFORE_STATEMENT,
        /** The statement ran (a schema change committed; a data statement's transaction is still open). */
        AFTER_STATEMENT,
        /** The statement's progress is committed. */
        AFTER_PROGRESS
    }

    /** Called at each point; statement is the 0-based index. */
    void reached(Point point, int statement);
}
