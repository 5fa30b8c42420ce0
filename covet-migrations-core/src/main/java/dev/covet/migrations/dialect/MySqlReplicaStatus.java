package dev.covet.migrations.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A MySQL or MariaDB replica's own view of its lag: {@code Seconds_Behind_Master} of {@code SHOW REPLICA STATUS}
 * ({@code Seconds_Behind_Source} on MySQL 8.0.22 and later), NULL when its IO or SQL thread does not run. With several
 * rows (MySQL's replication channels) the worst one counts. MariaDB and MySQL before 8.0.22 (MariaDB before 10.5.1)
 * know only {@code SHOW SLAVE STATUS}, MySQL 8.4 only {@code SHOW REPLICA STATUS}: the first that parses is used.
 */
final class MySqlReplicaStatus {

    // A replica busy enough to take seconds for SHOW REPLICA STATUS is as good as behind; the probe must not hang.
    private static final int QUERY_TIMEOUT_SECONDS = 5;

    private MySqlReplicaStatus() {
    }

    static ReplicaStatus read(Connection replica) throws SQLException {
        try (Statement s = replica.createStatement()) {
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet rs = query(s)) {
                return read(rs);
            }
        }
    }

    private static ResultSet query(Statement s) throws SQLException {
        try {
            return s.executeQuery("SHOW REPLICA STATUS");
        } catch (SQLSyntaxErrorException e) {
            return s.executeQuery("SHOW SLAVE STATUS");
        }
    }

    private static ReplicaStatus read(ResultSet rs) throws SQLException {
        Columns columns = Columns.of(rs.getMetaData());
        Duration worst = Duration.ZERO;
        List<String> stopped = new ArrayList<>();
        boolean any = false;
        while (rs.next()) {
            any = true;
            long seconds = rs.getLong(columns.secondsBehind());
            if (rs.wasNull()) {
                stopped.add(columns.describe(rs));
            } else if (seconds > worst.toSeconds()) {
                worst = Duration.ofSeconds(seconds);
            }
        }
        if (!any) {
            return new ReplicaStatus.NotAReplica();
        }
        return stopped.isEmpty() ? new ReplicaStatus.Behind(worst) : new ReplicaStatus.Stopped(String.join("; ", stopped));
    }

    /** The column names of this server's version: MySQL 8.0.22 renamed Master to Source and Slave to Replica. */
    private record Columns(String secondsBehind, String ioRunning, String sqlRunning, String lastIoError, String lastSqlError) {

        static Columns of(ResultSetMetaData meta) throws SQLException {
            boolean source = false;
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                source |= meta.getColumnLabel(i).equalsIgnoreCase("Seconds_Behind_Source");
            }
            return source
                    ? new Columns("Seconds_Behind_Source", "Replica_IO_Running", "Replica_SQL_Running", "Last_IO_Error", "Last_SQL_Error")
                    : new Columns("Seconds_Behind_Master", "Slave_IO_Running", "Slave_SQL_Running", "Last_IO_Error", "Last_SQL_Error");
        }

        String describe(ResultSet rs) throws SQLException {
            StringBuilder why = new StringBuilder(ioRunning + ": " + rs.getString(ioRunning) + ", " + sqlRunning + ": "
                    + rs.getString(sqlRunning));
            for (String error : List.of(lastIoError, lastSqlError)) {
                String text = rs.getString(error);
                if (text != null && !text.isBlank()) {
                    why.append(", ").append(error).append(": ").append(text.strip());
                }
            }
            return why.toString();
        }
    }
}
