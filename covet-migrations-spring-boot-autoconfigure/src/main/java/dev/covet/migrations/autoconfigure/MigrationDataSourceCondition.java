package dev.covet.migrations.autoconfigure;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import javax.sql.DataSource;

/**
 * There is a database to migrate: the application has a DataSource, {@code covet.migrations.url} names one for
 * Covet alone (as {@code spring.flyway.url} does for Flyway, for an application without a DataSource of its own), or
 * Boot was given connection details for one ({@code @ServiceConnection}, Docker Compose).
 */
final class MigrationDataSourceCondition extends AnyNestedCondition {

    MigrationDataSourceCondition() {
        super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnBean(DataSource.class)
    private static final class ApplicationDataSource {
    }

    @ConditionalOnProperty("covet.migrations.url")
    private static final class CovetUrl {
    }

    @ConditionalOnBean(JdbcConnectionDetails.class)
    private static final class ConnectionDetails {
    }
}
