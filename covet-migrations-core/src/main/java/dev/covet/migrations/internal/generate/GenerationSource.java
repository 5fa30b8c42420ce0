package dev.covet.migrations.internal.generate;

import dev.covet.migrations.MigrationRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where makemigrations reads the existing migrations: from the directory it writes into
 * ({@code covet.migrations.output-directory}) when that exists, in place of the classpath location it is compiled
 * into. The compiled copy lags behind the sources: reading it, a file deleted from the sources (or written since the
 * last build) would be seen wrongly, and the next file would depend on a migration that no longer exists.
 *
 * @param runner the runner reading the chosen locations
 * @param description which source was used, to tell the user
 */
public record GenerationSource(MigrationRunner runner, String description) {

    /**
     * The source for a runner and an output directory.
     *
     * @param runner the application's runner
     * @param outputDirectory where makemigrations writes
     */
    public static GenerationSource of(MigrationRunner runner, Path outputDirectory) {
        List<String> locations = runner.config().locations();
        if (!Files.isDirectory(outputDirectory)) {
            return new GenerationSource(runner, "existing migrations read from " + String.join(", ", locations)
                    + " (output-directory " + outputDirectory + " does not exist)");
        }
        Path directory = outputDirectory.toAbsolutePath().normalize();
        List<String> chosen = new ArrayList<>();
        chosen.add("filesystem:" + directory);
        for (String location : locations) {
            if (!sameDirectory(location, directory)) {
                chosen.add(location);
            }
        }
        return new GenerationSource(runner.withLocations(chosen), "existing migrations read from " + outputDirectory
                + " (output-directory)" + (chosen.size() > 1 ? " and " + String.join(", ", chosen.subList(1, chosen.size())) : ""));
    }

    /** Whether a location is the directory itself, or the classpath location its files are compiled into. */
    private static boolean sameDirectory(String location, Path directory) {
        if (location.startsWith("filesystem:")) {
            return Path.of(location.substring("filesystem:".length())).toAbsolutePath().normalize().equals(directory);
        }
        if (location.startsWith("classpath:")) {
            String path = location.substring("classpath:".length()).replaceAll("^/+", "").replaceAll("/+$", "");
            return !path.isEmpty() && directory.endsWith(Path.of(path));
        }
        return false;
    }
}
