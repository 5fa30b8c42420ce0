package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.endpoint.DashboardDescriptor;
import dev.covet.migrations.report.RollbackValidationDescriptor;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

class CovetMigrationsRuntimeHintsTests {

    @Test
    void migrationFilesTheDashboardAndTheEndpointDocumentsAreKeptInANativeImage() {
        RuntimeHints hints = new RuntimeHints();
        new CovetMigrationsRuntimeHints().registerHints(hints, getClass().getClassLoader());
        assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/0001_initial.yaml")).accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/0002_data.sql")).accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource("dev/covet/migrations/dashboard/dashboard.html")).accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource("db/other/0001_x.yaml")).rejects(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(DashboardDescriptor.class)).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(RollbackValidationDescriptor.class)).accepts(hints);
    }
}
