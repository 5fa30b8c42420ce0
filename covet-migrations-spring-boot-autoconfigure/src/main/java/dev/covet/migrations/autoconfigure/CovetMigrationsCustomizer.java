package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.MigrationRunner;

/**
 * Callback to customize the {@link MigrationRunner.Builder} after the properties were applied and before the
 * runner is built. Beans of this type are applied in {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface CovetMigrationsCustomizer {

    /**
     * Customizes the builder.
     *
     * @param builder the builder, already configured from {@code covet.migrations.*}
     */
    void customize(MigrationRunner.Builder builder);
}
