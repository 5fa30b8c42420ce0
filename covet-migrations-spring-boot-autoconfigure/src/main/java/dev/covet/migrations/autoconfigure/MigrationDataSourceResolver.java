package dev.covet.migrations.autoconfigure;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;

/**
 * Picks the DataSource migrations run on: a {@link CovetMigrationsDataSource}-qualified bean, a separate
 * connection from {@code covet.migrations.url}/{@code user}/{@code password}, the application's DataSource
 * with a different user, or the application's DataSource as is.
 */
final class MigrationDataSourceResolver {

    private MigrationDataSourceResolver() {
    }

    static DataSource resolve(DataSource qualified, DataSource application, CovetMigrationsProperties properties) {
        if (qualified != null) {
            return qualified;
        }
        if (StringUtils.hasText(properties.getUrl())) {
            // A plain, unpooled data source: migrations run once at startup and need no pool.
            return DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(properties.getUrl())
                    .username(properties.getUser()).password(properties.getPassword()).build();
        }
        if (StringUtils.hasText(properties.getUser()) && application != null) {
            return DataSourceBuilder.derivedFrom(application).type(SimpleDriverDataSource.class)
                    .username(properties.getUser()).password(properties.getPassword()).build();
        }
        if (application == null) {
            throw new IllegalStateException("no DataSource for Covet Migrations: define a single DataSource, mark one "
                    + "@CovetMigrationsDataSource, or set covet.migrations.url");
        }
        return application;
    }
}
