package dev.covet.migrations.autoconfigure.cli;

import dev.covet.migrations.autoconfigure.CovetMigrationsProperties;
import dev.covet.migrations.cli.CommandSettings;
import dev.covet.migrations.cli.CommandSettings.RenameThresholds;

import java.nio.file.Path;

/**
 * The commands' settings from {@code covet.migrations.*}: used by the application's commands and by launchers outside
 * it (the Maven plugin, with {@link dev.covet.migrations.autoconfigure.StandaloneCovetMigrations}).
 */
public final class PropertiesCommandSettings {

    private PropertiesCommandSettings() {
    }

    /**
     * The settings the properties give.
     *
     * @param properties the bound {@code covet.migrations.*}
     * @return the commands' settings; the output directory as configured (relative to the working directory)
     */
    public static CommandSettings of(CovetMigrationsProperties properties) {
        CovetMigrationsProperties.RenameDetection rename = properties.getRenameDetection();
        return new CommandSettings(Path.of(properties.getOutputDirectory()),
                new RenameThresholds(rename.getSimilarityThreshold(), rename.isRequireTypeMatch(), rename.getMaxLengthDiff()),
                properties.getSquash().getPreserveRecent(), properties.getLint().isEnabled(),
                properties.getLint().getSuppressions());
    }
}
