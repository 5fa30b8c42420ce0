package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.execute.MigrationFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationFailureAnalyzerTests {

    @Test
    void aFailedMigrationIsReportedByFileStatementAndTheDatabasesMessageNotByAStackTrace() {
        SQLException pool = new SQLException("Connection is closed", "08003");
        MigrationFailedException failed = new MigrationFailedException("classpath:db/migrations/0002_x.yaml failed at statement 1 of 1"
                + " (operation 1 of 1, RUN_SQL): SELECT 1\n  ERROR: feature not supported\u001b[2J", List.of(), pool);
        FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(new BeanCreationException("covetMigrationsInitializer", failed));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("0002_x.yaml", "operation 1 of 1, RUN_SQL", "SELECT 1", "feature not supported")
                .doesNotContain("Connection is closed").doesNotContain("\u001b");
        assertThat(analysis.getAction()).contains("Fix the migration");
    }

    @Test
    void theAnalyzerIsRegistered() {
        // Names only: other analyzers on the test classpath need a bean factory to be instantiated.
        assertThat(SpringFactoriesLoader.loadFactoryNames(FailureAnalyzer.class, getClass().getClassLoader()))
                .contains(MigrationFailureAnalyzer.class.getName());
    }
}
