package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.data.Replica;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.util.List;

/**
 * The replicas batch jobs ask for their lag, from {@code covet.migrations.batch.replicas}: each URL with
 * {@code replica-user}/{@code replica-password}, or, without {@code replica-user}, the credentials of the DataSource
 * migrations run on (a replica usually has the primary's users, which replication copied).
 */
final class BatchReplicas {

    private BatchReplicas() {
    }

    static List<Replica> of(CovetMigrationsProperties.Batch batch, DataSource primary) {
        List<String> urls = batch.getReplicas().stream().map(String::trim).filter(StringUtils::hasText).toList();
        if (urls.isEmpty()) {
            return List.of();
        }
        Credentials credentials = StringUtils.hasText(batch.getReplicaUser())
                ? new Credentials(batch.getReplicaUser(), batch.getReplicaPassword())
                : Credentials.of(primary);
        return urls.stream().map(url -> new Replica(url, credentials.user(), credentials.password())).toList();
    }

    /** A login; {@code null} parts leave it to the URL. */
    private record Credentials(String user, String password) {

        /**
         * The user and password {@code dataSource} logs in with, read the way Boot derives one DataSource from
         * another (Hikari, Tomcat, DBCP2, Spring's simple ones...); none for a type Boot cannot read.
         */
        static Credentials of(DataSource dataSource) {
            try {
                SimpleDriverDataSource derived = DataSourceBuilder.derivedFrom(dataSource).type(SimpleDriverDataSource.class).build();
                return new Credentials(derived.getUsername(), derived.getPassword());
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(BatchReplicas.class).warn("cannot read the user of the migration DataSource ({});"
                        + " the replicas in covet.migrations.batch.replicas are asked with what their URLs say: set"
                        + " covet.migrations.batch.replica-user and replica-password to log in as someone else", e.getMessage());
                return new Credentials(null, null);
            }
        }
    }
}
