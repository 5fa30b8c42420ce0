package dev.covet.migrations.internal.data;

import dev.covet.migrations.data.Replica;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.dialect.ReplicaStatus;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Asks each replica a job was told of how far behind it is ({@link Dialect#replicaStatus}), on a connection opened for
 * that look and closed right after it, so that a job holds nothing on its replicas while it works or waits. The lag is
 * the largest reported. A replica whose replication is stopped, that cannot be reached or that cannot say counts as
 * behind: the job waits, names it in its wait message, and fails after its maximum wait, resumably, rather than
 * outrunning a replica it cannot see.
 */
final class NamedReplicaProbe implements LagProbe {

    // A look happens between two batches: an unreachable replica must cost seconds, not a TCP timeout of minutes.
    // Both MySQL Connector/J and MariaDB Connector/J read these two properties, in milliseconds.
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);

    private final Dialect dialect;
    private final List<Replica> replicas;

    NamedReplicaProbe(Dialect dialect, List<Replica> replicas) {
        this.dialect = dialect;
        this.replicas = List.copyOf(replicas);
    }

    @Override
    public LagReading measure(Connection primary) {
        Optional<Duration> worst = Optional.empty();
        List<String> problems = new ArrayList<>();
        for (Replica replica : replicas) {
            try (Connection c = connect(replica)) {
                try {
                    ReplicaStatus status = dialect.replicaStatus(c);
                    if (status instanceof ReplicaStatus.Behind behind) {
                        worst = Optional.of(worst.filter(w -> w.compareTo(behind.lag()) >= 0).orElse(behind.lag()));
                    } else if (status instanceof ReplicaStatus.Stopped stopped) {
                        problems.add("replication stopped on " + replica + " (" + stopped.why() + ")");
                    } else {
                        problems.add(replica + " is not a replica (it replicates from no primary)");
                    }
                } catch (SQLException e) {
                    problems.add("cannot read the replication status of " + replica + ": " + firstLine(e));
                }
            } catch (SQLException e) {
                problems.add("cannot reach replica " + replica + ": " + firstLine(e));
            }
        }
        return new LagReading(worst, problems);
    }

    private static Connection connect(Replica replica) throws SQLException {
        Properties properties = new Properties();
        if (replica.user() != null) {
            properties.setProperty("user", replica.user());
        }
        if (replica.password() != null) {
            properties.setProperty("password", replica.password());
        }
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT.toMillis()));
        properties.setProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT.toMillis()));
        return DriverManager.getConnection(replica.url(), properties);
    }

    // Connector/J's messages run over several lines (the last packet sent, received...): the first says what happened.
    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage()).strip();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end).strip();
    }
}
