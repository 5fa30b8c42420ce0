package dev.covet.migrations.autoconfigure.health;

import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationInfo;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.MigrationStatus;
import dev.covet.migrations.autoconfigure.MigrationStatusCache;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CovetMigrationsHealthIndicatorTests {

    private static MigrationStatusCache fixed(MigrationStatus status) {
        MigrationRunner runner = MigrationRunner.builder(new DriverManagerDataSource("jdbc:sqlite::memory:")).build();
        return new MigrationStatusCache(runner, Duration.ZERO) {
            @Override
            public MigrationStatus get() {
                return status;
            }
        };
    }

    private static MigrationInfo info(String name, String state, String detail) {
        return new MigrationInfo(new MigrationId("default", name), "", "c", null, null, null, state, detail);
    }

    @Test
    void downWithDetailsWhenAMigrationFailed() {
        MigrationStatus status = new MigrationStatus("mysql", List.of(info("0001_a", "APPLIED", null)), List.of(),
                List.of(info("0002_b", "FAILED", "statement 2 of 3 failed: duplicate column")), List.of(), List.of());
        Health health = new CovetMigrationsHealthIndicator(fixed(status)).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("failed", Map.of("0002_b", "statement 2 of 3 failed: duplicate column"));
    }

    @Test
    void upWhenOnlyPending() {
        MigrationStatus status = new MigrationStatus("sqlite", List.of(), List.of(info("0001_a", "PENDING", null)),
                List.of(), List.of(), List.of());
        Health health = new CovetMigrationsHealthIndicator(fixed(status)).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("pending", 1);
    }

    @Test
    void downWhenStatusCannotBeRead() {
        MigrationRunner runner = MigrationRunner.builder(new DriverManagerDataSource("jdbc:sqlite::memory:")).build();
        MigrationStatusCache failing = new MigrationStatusCache(runner, Duration.ZERO) {
            @Override
            public MigrationStatus get() {
                throw new IllegalStateException("database down");
            }
        };
        assertThat(new CovetMigrationsHealthIndicator(failing).health().getStatus()).isEqualTo(Status.DOWN);
    }
}
