package dev.covet.migrations.cli;

import dev.covet.migrations.diff.RenameDetector;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the commands read from the application's configuration, apart from the {@link dev.covet.migrations.MigrationRunner}
 * itself. The Spring Boot starter builds it from {@code covet.migrations.*}; another launcher (a build plugin) from its
 * own configuration.
 *
 * @param outputDirectory where {@code makemigrations}, {@code baseline} and {@code squash} write
 * @param renameDetection when a dropped and an added column (or table) count as one renamed
 * @param squashPreserveRecent newest migrations a squash leaves alone unless {@code --preserve-recent} says otherwise
 * @param lintAfterMakeMigrations whether {@code makemigrations} lints what it wrote
 * @param lintSuppressions accepted lint findings, {@code <migration>:<operation index or *>:<rule>=<reason>}
 */
public record CommandSettings(Path outputDirectory, RenameThresholds renameDetection, int squashPreserveRecent,
                              boolean lintAfterMakeMigrations, List<String> lintSuppressions) {

    /** The default output directory, as the starter's {@code covet.migrations.output-directory}. */
    public static final String DEFAULT_OUTPUT_DIRECTORY = "src/main/resources/db/migrations";

    /** The default of {@code squashPreserveRecent}. */
    public static final int DEFAULT_SQUASH_PRESERVE_RECENT = 5;

    public CommandSettings {
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(renameDetection, "renameDetection");
        lintSuppressions = List.copyOf(lintSuppressions);
    }

    /** The settings of an application that configures nothing. */
    public static CommandSettings defaults() {
        return new CommandSettings(Path.of(DEFAULT_OUTPUT_DIRECTORY), RenameThresholds.defaults(),
                DEFAULT_SQUASH_PRESERVE_RECENT, true, List.of());
    }

    /** The same settings writing into another directory. */
    public CommandSettings withOutputDirectory(Path directory) {
        return new CommandSettings(directory, renameDetection, squashPreserveRecent, lintAfterMakeMigrations,
                lintSuppressions);
    }

    /**
     * The thresholds of rename detection.
     *
     * @param similarityThreshold name similarity (0 to 1) from which a drop and an add count as a rename
     * @param requireTypeMatch whether a rename requires the old and new column types to match
     * @param maxLengthDiff largest difference in name length still considered a rename
     */
    public record RenameThresholds(double similarityThreshold, boolean requireTypeMatch, int maxLengthDiff) {

        /** The defaults of {@link RenameDetector}. */
        public static RenameThresholds defaults() {
            return new RenameThresholds(RenameDetector.DEFAULT_THRESHOLD, false, RenameDetector.DEFAULT_MAX_LENGTH_DIFF);
        }

        /** A new detector with these thresholds (a detector holds the decisions of one run, so one per run). */
        public RenameDetector detector() {
            return new RenameDetector(similarityThreshold, requireTypeMatch, maxLengthDiff, true);
        }
    }
}
