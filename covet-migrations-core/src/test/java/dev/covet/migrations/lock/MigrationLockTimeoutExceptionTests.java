package dev.covet.migrations.lock;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationLockTimeoutExceptionTests {

    @Test
    void waitsBelowASecondAreNotReportedAsZeroSeconds() {
        assertThat(MigrationLockTimeoutException.waited(Duration.ofMillis(500))).isEqualTo("500 ms");
        assertThat(MigrationLockTimeoutException.waited(Duration.ofSeconds(60))).isEqualTo("60 s");
    }
}
