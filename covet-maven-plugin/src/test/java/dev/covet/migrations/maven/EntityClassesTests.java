package dev.covet.migrations.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which entities makemigrations reads: the ones Boot would manage. */
class EntityClassesTests {

    private static final String FIXTURES = "dev/covet/migrations/maven/fixtures/";

    @TempDir
    Path classes;

    /** A project's target/classes holding only the compiled fixtures below one folder. */
    private Path compiled(String folder) throws IOException, URISyntaxException {
        Path testClasses = Path.of(EntityClassesTests.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path source = testClasses.resolve(FIXTURES + folder);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = classes.resolve(testClasses.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return classes;
    }

    @Test
    void entityScanDecides() throws Exception {
        Path project = compiled("scanned");

        assertThat(EntityClasses.packages(project, getClass().getClassLoader()))
                .containsExactly("dev.covet.migrations.maven.fixtures.scanned.model");
        assertThat(EntityClasses.find(project, List.of(), getClass().getClassLoader()))
                .containsExactly("dev.covet.migrations.maven.fixtures.scanned.model.Scanned");
    }

    @Test
    void elseTheApplicationsPackage() throws Exception {
        Path project = compiled("boot");

        assertThat(EntityClasses.packages(project, getClass().getClassLoader()))
                .containsExactly("dev.covet.migrations.maven.fixtures.boot");
        assertThat(EntityClasses.find(project, List.of(), getClass().getClassLoader()))
                .containsExactly("dev.covet.migrations.maven.fixtures.boot.domain.Owner");
    }

    @Test
    void elseThePackagesOfTheCompiledClasses() throws Exception {
        Path project = compiled("library");

        assertThat(EntityClasses.packages(project, getClass().getClassLoader())).containsExactly(
                "dev.covet.migrations.maven.fixtures.library.a", "dev.covet.migrations.maven.fixtures.library.b");
    }

    @Test
    void givenPackagesWin() throws Exception {
        Path project = compiled("scanned");

        assertThat(EntityClasses.find(project, List.of("dev.covet.migrations.maven.fixtures.scanned"), getClass().getClassLoader()))
                .containsExactlyInAnyOrder("dev.covet.migrations.maven.fixtures.scanned.NotScanned",
                        "dev.covet.migrations.maven.fixtures.scanned.model.Scanned");
    }

    @Test
    void noCompiledClassesNoEntities() {
        assertThat(EntityClasses.find(classes.resolve("missing"), List.of(), getClass().getClassLoader())).isEmpty();
    }
}
