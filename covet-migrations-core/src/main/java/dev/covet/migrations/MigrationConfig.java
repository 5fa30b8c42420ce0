package dev.covet.migrations;

import dev.covet.migrations.data.BatchDefaults;
import dev.covet.migrations.data.Replica;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.schema.TableFilter;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a runner is configured with.
 *
 * @param dataSource where migrations run
 * @param dialect the database's dialect ({@code null}: detected from the connection)
 * @param locations where migration files are ({@code classpath:...} or {@code filesystem:...})
 * @param javaMigrations code migrations by name, for {@code RUN_JAVA}
 * @param tablePrefix prefix of the tables Covet keeps ({@code covet_})
 * @param lockTimeout how long to wait for another instance's lock
 * @param validateChecksums whether a modified applied migration stops the run
 * @param listeners told about each migration
 * @param appliedBy recorded as who applied
 * @param classLoader for classpath locations
 * @param unmanagedTables tables other tools own, which makemigrations, baseline and the drift check leave alone
 * @param backupMaxRows the most rows a migration's drop backs up before dropping them; above it the run stops
 *        (see {@link MigrationRunner.Builder#backupMaxRows(long)})
 * @param maxReplicaLag how far behind its replicas a batch job lets the primary get before it waits between batches
 *        ({@link Duration#ZERO}: not watched; {@code null}: {@link BatchDefaults#MAX_REPLICA_LAG})
 * @param replicas the replicas batch jobs ask for their lag where the primary cannot see it (MySQL, MariaDB); empty:
 *        none ({@code null}: none)
 */
public record MigrationConfig(DataSource dataSource, Dialect dialect, List<String> locations,
                     Map<String, JavaMigration> javaMigrations, String tablePrefix, Duration lockTimeout,
                     boolean validateChecksums, List<MigrationListener> listeners, String appliedBy,
                     ClassLoader classLoader, TableFilter unmanagedTables, long backupMaxRows,
                     Duration maxReplicaLag, List<Replica> replicas) {

    /** The default of {@code backupMaxRows}. */
    public static final long DEFAULT_BACKUP_MAX_ROWS = 1_000_000;

    public MigrationConfig {
        unmanagedTables = unmanagedTables == null ? TableFilter.none() : unmanagedTables;
        maxReplicaLag = maxReplicaLag == null ? BatchDefaults.MAX_REPLICA_LAG : maxReplicaLag;
        replicas = replicas == null ? List.of() : List.copyOf(replicas);
    }

    /** A configuration naming no replicas (the form before {@code replicas} was added). */
    public MigrationConfig(DataSource dataSource, Dialect dialect, List<String> locations,
                           Map<String, JavaMigration> javaMigrations, String tablePrefix, Duration lockTimeout,
                           boolean validateChecksums, List<MigrationListener> listeners, String appliedBy,
                           ClassLoader classLoader, TableFilter unmanagedTables, long backupMaxRows,
                           Duration maxReplicaLag) {
        this(dataSource, dialect, locations, javaMigrations, tablePrefix, lockTimeout, validateChecksums, listeners,
                appliedBy, classLoader, unmanagedTables, backupMaxRows, maxReplicaLag, List.of());
    }

    /** This configuration reading migrations from other locations. */
    public MigrationConfig withLocations(List<String> otherLocations) {
        return new MigrationConfig(dataSource, dialect, otherLocations, javaMigrations, tablePrefix, lockTimeout,
                validateChecksums, listeners, appliedBy, classLoader, unmanagedTables, backupMaxRows, maxReplicaLag, replicas);
    }

    /** This configuration against another database ({@code null} dialect: detected), telling other listeners. */
    public MigrationConfig withDataSource(DataSource otherDataSource, Dialect otherDialect, List<MigrationListener> otherListeners) {
        return new MigrationConfig(otherDataSource, otherDialect, locations, javaMigrations, tablePrefix, lockTimeout,
                validateChecksums, otherListeners, appliedBy, classLoader, unmanagedTables, backupMaxRows, maxReplicaLag, replicas);
    }
}
