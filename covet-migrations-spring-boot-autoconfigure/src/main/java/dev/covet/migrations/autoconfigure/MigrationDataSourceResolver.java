package dev.covet.migrations.autoconfigure;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;

/**
 * Picks the DataSource migrations run on: a {@link CovetMigrationsDataSource}-qualified bean, a separate
 * connection from {@code covet.migrations.url}/{@code user}/{@code password}, the application's database with a
 * different user, the application's DataSource as is, or, for an application without one, the connection details
 * Boot was given ({@link JdbcConnectionDetails}: a Testcontainers {@code @ServiceConnection}, Docker Compose).
 */
final class MigrationDataSourceResolver {

    private MigrationDataSourceResolver() {
    }

    static DataSource resolve(DataSource qualified, DataSource application, JdbcConnectionDetails details,
                              CovetMigrationsProperties properties) {
        if (qualified != null) {
            return qualified;
        }
        if (StringUtils.hasText(properties.getUrl())) {
            // A plain, unpooled data source: migrations run once at startup and need no pool.
            return DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(properties.getUrl())
                    .username(properties.getUser()).password(properties.getPassword()).build();
        }
        if (StringUtils.hasText(properties.getUser())) {
            // Boot's own DataSource was built from the details: their URL is the application's database.
            if (details != null) {
                return fromDetails(details).username(properties.getUser()).password(properties.getPassword()).build();
            }
            if (application != null) {
                return DataSourceBuilder.derivedFrom(application).type(SimpleDriverDataSource.class)
                        .username(properties.getUser()).password(properties.getPassword()).build();
            }
        }
        if (application == null && details != null) {
            return fromDetails(details).username(details.getUsername()).password(details.getPassword()).build();
        }
        if (application == null) {
            throw new IllegalStateException("no DataSource for Covet Migrations: define a single DataSource, mark one "
                    + "@CovetMigrationsDataSource, or set covet.migrations.url");
        }
        return application;
    }

    private static DataSourceBuilder<SimpleDriverDataSource> fromDetails(JdbcConnectionDetails details) {
        return DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(details.getJdbcUrl())
                .driverClassName(details.getDriverClassName());
    }
}
