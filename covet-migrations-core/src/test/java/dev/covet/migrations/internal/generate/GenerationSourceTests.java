package dev.covet.migrations.internal.generate;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.dialect.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** makemigrations reads the directory it writes, in place of the classpath copy that lags behind it. */
class GenerationSourceTests {

    @TempDir
    Path project;

    private MigrationRunner runner(String... locations) {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + project.resolve("unused.db"));
        return MigrationRunner.builder(ds).dialect(Dialect.forName("sqlite")).locations(locations).build();
    }

    @Test
    void theOutputDirectoryReplacesTheClasspathLocationItIsCompiledInto() throws Exception {
        Path output = Files.createDirectories(project.resolve("src/main/resources/db/migrations"));
        GenerationSource source = GenerationSource.of(runner("classpath:db/migrations", "classpath:db/seed"), output);
        assertThat(source.runner().config().locations())
                .containsExactly("filesystem:" + output.toAbsolutePath().normalize(), "classpath:db/seed");
        assertThat(source.description()).contains(output + " (output-directory)");
    }

    @Test
    void aMissingOutputDirectoryLeavesTheLocationsAsTheyAre() {
        Path output = project.resolve("src/main/resources/db/migrations");
        GenerationSource source = GenerationSource.of(runner("classpath:db/migrations"), output);
        assertThat(source.runner().config().locations()).containsExactly("classpath:db/migrations");
        assertThat(source.description()).contains("does not exist");
    }
}
