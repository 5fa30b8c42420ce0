package dev.covet.migrations.dialect;

import dev.covet.migrations.testing.PostgresStandby;
import dev.covet.migrations.testing.TestDatabase;
import dev.covet.migrations.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL lag probe on a real standby, with its clock in the test's hands: while replay is paused the lag is
 * the age of the oldest WAL position the standby has not replayed, growing with the clock even though
 * {@code replay_lag} goes stale (updated only at the standby's replies, every 10 s by default); once it has caught
 * up there is none. Isolated: it pauses the standby's replay.
 */
@Isolated
class PostgresReplicaLagTests {

    @Test
    void aPausedStandbyLagsByTheAgeOfWhatItHasNotReplayed() throws Exception {
        try (TestDatabase primary = TestDatabases.create("postgresql"); Connection c = primary.connect()) {
            PostgresStandby standby = PostgresStandby.locate();
            primary.execute("CREATE TABLE t (id INTEGER)");
            standby.awaitReplayed(primary);
            AtomicLong clock = new AtomicLong();
            PostgresReplicaLag probe = new PostgresReplicaLag(clock::get);
            // The server is shared (other builds write to it): a healthy standby may be a little behind, never long.
            assertThat(probe.measure(c)).hasValueSatisfying(lag -> assertThat(lag).isLessThan(Duration.ofSeconds(10)));
            try {
                standby.pauseReplay();
                primary.execute("INSERT INTO t (id) VALUES (1)");
                clock.set(Duration.ofSeconds(100).toNanos());
                probe.measure(c);
                clock.set(Duration.ofSeconds(107).toNanos());
                assertThat(probe.measure(c)).hasValueSatisfying(lag -> assertThat(lag).isGreaterThanOrEqualTo(Duration.ofSeconds(7)));
                clock.set(Duration.ofSeconds(130).toNanos());
                assertThat(probe.measure(c)).hasValueSatisfying(lag -> assertThat(lag).isGreaterThanOrEqualTo(Duration.ofSeconds(30)));
            } finally {
                standby.resumeReplay();
            }
            standby.awaitReplayed(primary);
            // Caught up: what the paused standby had not replayed is forgotten, whatever the test's clock says.
            clock.set(Duration.ofSeconds(131).toNanos());
            assertThat(probe.measure(c)).hasValueSatisfying(lag -> assertThat(lag).isLessThan(Duration.ofSeconds(10)));
        }
    }
}
