package dev.covet.migrations.autoconfigure.cli;

import dev.covet.migrations.autoconfigure.CovetMigrationsProperties;
import dev.covet.migrations.cli.CommandSettings;
import dev.covet.migrations.cli.CommandSettings.RenameThresholds;

import java.nio.file.Path;

/** The commands' settings from {@code covet.migrations.*}. */
final class PropertiesCommandSettings {

    private PropertiesCommandSettings() {
    }

    static CommandSettings of(CovetMigrationsProperties properties) {
        CovetMigrationsProperties.RenameDetection rename = properties.getRenameDetection();
        return new CommandSettings(Path.of(properties.getOutputDirectory()),
                new RenameThresholds(rename.getSimilarityThreshold(), rename.isRequireTypeMatch(), rename.getMaxLengthDiff()),
                properties.getSquash().getPreserveRecent(), properties.getLint().isEnabled(),
                properties.getLint().getSuppressions());
    }
}
