package dev.covet.migrations.execute;

import dev.covet.migrations.internal.execute.Step;
import dev.covet.migrations.internal.execute.StepRunner;
import dev.covet.migrations.JavaMigration;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The transaction {@link StepRunner} gives a transactional Java step outside a migration-wide one. */
class StepRunnerTransactionTests {

    /** Closes the driver's connection behind Covet's back, then fails: rollback and restoring autocommit fail too. */
    private static final JavaMigration CLOSES_AND_FAILS = new JavaMigration() {
        @Override
        public String name() {
            return "closes_and_fails";
        }

        @Override
        public void migrate(Connection connection) throws SQLException {
            connection.unwrap(Connection.class).close();
            throw new IllegalStateException("the step's own failure");
        }
    };

    @AllDatabases
    void aFailingCleanUpIsAddedToTheStepsFailureAndDoesNotReplaceIt(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); Connection c = db.connect()) {
            StepRunner steps = new StepRunner(Map.of(CLOSES_AND_FAILS.name(), CLOSES_AND_FAILS), kind.kind().equals("sqlite"));

            Throwable failure = catchThrowable(() -> steps.run(c, new Step.Java("closes_and_fails", false), false));

            assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessage("the step's own failure");
            assertThat(failure.getSuppressed()).as("the failed rollback (and restoring autocommit)").isNotEmpty();
        }
    }
}
