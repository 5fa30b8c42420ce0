package dev.covet.benchmarks.workload;

import dev.covet.migrations.dialect.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadGeneratorTests {

    @TempDir
    Path tmp;

    @Test
    void sameSeedWritesTheSameFiles() throws IOException {
        Dialect pg = Dialect.forName("postgresql");
        WorkloadFiles first = WorkloadFiles.write(tmp.resolve("a"), new WorkloadGenerator(7, pg).generate(500), pg);
        WorkloadFiles second = WorkloadFiles.write(tmp.resolve("b"), new WorkloadGenerator(7, pg).generate(500), pg);

        Map<String, String> a = contents(first.root());
        assertThat(a).isEqualTo(contents(second.root()));
        assertThat(Files.list(first.covetSql()).count()).isEqualTo(500);
        assertThat(Files.list(first.flyway()).count()).isEqualTo(500);
        assertThat(Files.list(first.covetYaml()).count()).isEqualTo(500);
        assertThat(Files.list(first.liquibase().resolve("sql")).count()).isEqualTo(500);
        assertThat(first.flyway().resolve("V1__create_t001.sql")).exists();
        assertThat(first.covetSql().resolve("0001_create_t001.sql")).exists();
    }

    @Test
    void anotherSeedGivesAnotherHistory() {
        Dialect sqlite = Dialect.forName("sqlite");
        assertThat(new WorkloadGenerator(1, sqlite).generate(200)).isNotEqualTo(new WorkloadGenerator(2, sqlite).generate(200));
    }

    @Test
    void neverWritesIntoAnExistingDirectory() throws IOException {
        Dialect pg = Dialect.forName("postgresql");
        Path used = Files.createDirectories(tmp.resolve("used"));
        assertThatThrownBy(() -> WorkloadFiles.write(used, new WorkloadGenerator(7, pg).generate(10), pg))
                .isInstanceOf(IllegalStateException.class);
    }

    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return out;
    }
}
