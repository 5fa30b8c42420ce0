package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.endpoint.DashboardDescriptor;
import dev.covet.migrations.endpoint.MigrationsDescriptor;
import dev.covet.migrations.endpoint.PlanDescriptor;
import dev.covet.migrations.endpoint.RefusalDescriptor;
import dev.covet.migrations.report.RollbackOutcomeDescriptor;
import dev.covet.migrations.report.RollbackValidationDescriptor;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What a native image needs to keep for Covet Migrations, as Boot registers for Flyway: the migration files under
 * the default location and the dashboard page as resources, and the documents the Actuator endpoint writes as
 * JSON (bound by reflection). Files in other locations ({@code covet.migrations.locations}) need a hint of the
 * application's own.
 */
class CovetMigrationsRuntimeHints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
        for (String extension : new String[] {"yaml", "yml", "json", "sql"}) {
            hints.resources().registerPattern("db/migrations/*." + extension);
        }
        hints.resources().registerPattern("dev/covet/migrations/dashboard/dashboard.html");
        new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), MigrationsDescriptor.class,
                PlanDescriptor.class, DashboardDescriptor.class, RefusalDescriptor.class,
                RollbackValidationDescriptor.class, RollbackOutcomeDescriptor.class);
    }
}
