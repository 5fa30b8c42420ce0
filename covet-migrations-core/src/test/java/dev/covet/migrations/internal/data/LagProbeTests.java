package dev.covet.migrations.internal.data;

import dev.covet.migrations.data.BatchUpdate;
import dev.covet.migrations.data.Replica;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.testing.CapturedLogs;
import dev.covet.migrations.testing.TestDatabase;
import dev.covet.migrations.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which probe a batch job gets: named replicas are asked only where the primary cannot see its replicas. */
class LagProbeTests {

    // Nothing listens on port 1: asking this replica would report it unreachable.
    private static final List<Replica> NOWHERE = List.of(new Replica("jdbc:mysql://127.0.0.1:1/nothing", "u", "p"));

    @Test
    void onPostgresqlTheNamedReplicasAreNotAskedAndThatIsSaid() throws Exception {
        try (TestDatabase primary = TestDatabases.create("postgresql"); Connection c = primary.connect();
             CapturedLogs logs = CapturedLogs.of(BatchUpdate.class)) {
            LagReading reading = LagProbe.forJob("pg_job", primary.dialect(), NOWHERE).measure(c);
            assertThat(reading.problems()).isEmpty();
            assertThat(logs.messagesOfThisThread()).contains("pg_job: the postgresql primary shows its replicas' lag itself;"
                    + " the replicas named ([jdbc:mysql://127.0.0.1:1/nothing]) are not asked");
        }
    }

    @Test
    void onMysqlTheNamedReplicasAreAskedAndWithoutThemNothingIsSeen() throws Exception {
        Dialect mysql = Dialect.forName("mysql");
        LagReading named = LagProbe.forJob("my_job", mysql, NOWHERE).measure(null);
        assertThat(named.lag()).isEmpty();
        assertThat(named.problems()).singleElement().asString().startsWith("cannot reach replica jdbc:mysql://127.0.0.1:1/nothing: ");
        assertThat(named.behind(Duration.ofHours(1))).isTrue();

        LagReading none = LagProbe.forJob("my_job", mysql, List.of()).measure(null);
        assertThat(none).isEqualTo(LagReading.of(Optional.empty()));
        assertThat(none.behind(Duration.ZERO)).isFalse();
    }
}
