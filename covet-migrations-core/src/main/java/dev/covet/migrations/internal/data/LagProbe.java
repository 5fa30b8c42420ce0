package dev.covet.migrations.internal.data;

import dev.covet.migrations.data.Replica;
import dev.covet.migrations.dialect.Dialect;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** How a batch job looks at its replicas between batches. */
@FunctionalInterface
public interface LagProbe {

    /** One look, on (or beside) the job's connection to the primary. */
    LagReading measure(Connection primary) throws SQLException;

    /**
     * The probe for a job: the primary's own view of its replicas where it has one ({@link Dialect#replicaLag()}:
     * PostgreSQL), else the replicas the job was told of, each asked directly ({@link NamedReplicaProbe}); with none
     * named, the primary's view, which on MySQL sees nothing.
     */
    static LagProbe forJob(String job, Dialect dialect, List<Replica> replicas) {
        if (!replicas.isEmpty() && dialect.primarySeesReplicas()) {
            // Said once per job, so that a list meant for MySQL is not silently taken for being watched.
            LoggerFactory.getLogger("dev.covet.migrations.data.BatchUpdate").info("{}: the {} primary shows its replicas'"
                    + " lag itself; the replicas named ({}) are not asked", job, dialect.name(), replicas);
        }
        if (replicas.isEmpty() || dialect.primarySeesReplicas()) {
            var probe = dialect.replicaLag();
            return c -> LagReading.of(probe.measure(c));
        }
        return new NamedReplicaProbe(dialect, replicas);
    }
}
