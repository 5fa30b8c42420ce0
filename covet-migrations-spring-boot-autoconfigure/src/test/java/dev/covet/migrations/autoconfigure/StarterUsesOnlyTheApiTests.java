package dev.covet.migrations.autoconfigure;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter is the core's first user: it gets by with the public API, as an application must, and imports nothing
 * from {@code dev.covet.migrations.internal}. The same holds for the sample application.
 */
class StarterUsesOnlyTheApiTests {

    @Test
    void noMainSourceOfTheStarterOrTheSampleImportsAnInternalPackage() throws IOException {
        List<Path> roots = List.of(Path.of("src/main/java"), Path.of("../sample-app/src/main/java"));
        assertThat(roots.get(0)).isDirectory();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    assertThat(Files.readString(file)).as(file.toString())
                            .doesNotContain("dev.covet.migrations.internal.");
                }
            }
        }
    }
}
