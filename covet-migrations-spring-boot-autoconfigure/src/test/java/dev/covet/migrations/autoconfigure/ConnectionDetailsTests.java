package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boot's {@link JdbcConnectionDetails} (what a Testcontainers {@code @ServiceConnection} or Docker Compose
 * registers) feed the migration connection, as they feed Flyway's.
 */
class ConnectionDetailsTests {

    /** Connection details as a service connection registers them. */
    record Details(String getJdbcUrl, String getUsername, String getPassword) implements JdbcConnectionDetails {
    }

    private static final String NOTES = """
            operations:
              - {type: CREATE_TABLE, table: notes, columns: [{name: id, type: BIGINT, nullable: false, primary_key: true}]}
            """;

    @AllDatabases
    void connectionDetailsAloneActivateCovetOnTheirDatabase(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_notes.yaml", NOTES);
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(CovetMigrationsAutoConfiguration.class))
                    .withPropertyValues("covet.migrations.locations=" + files.location())
                    .withBean(JdbcConnectionDetails.class, () -> new Details(db.url(), db.user(), db.password()))
                    .run(context -> {
                        assertThat(context).hasNotFailed().doesNotHaveBean(DataSource.class);
                        assertThat(context.getBean(MigrationRunner.class).status().applied()).hasSize(1);
                    });
            assertThat(tableExists(db, "notes")).isTrue();
        }
    }

    @AllDatabases
    void migrationUserConnectsToTheDatabaseTheDetailsName(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_notes.yaml", NOTES);
            // The application's own user cannot log in: only covet.migrations.user on the details' URL works.
            Details details = new Details(db.url(), "app_user_without_access", "wrong");
            ApplicationContextRunner runner = new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, CovetMigrationsAutoConfiguration.class))
                    .withPropertyValues("covet.migrations.locations=" + files.location())
                    .withBean(JdbcConnectionDetails.class, () -> details);
            if (db.user() != null) {
                runner = runner.withPropertyValues("covet.migrations.user=" + db.user(),
                        "covet.migrations.password=" + (db.password() == null ? "" : db.password()));
            } else {
                runner = runner.withPropertyValues("covet.migrations.user=owner");
            }
            runner.run(context -> {
                assertThat(context).hasNotFailed();
                DataSource used = context.getBean(MigrationRunner.class).config().dataSource();
                assertThat(used).isNotSameAs(context.getBean(DataSource.class));
                try (Connection c = used.getConnection()) {
                    assertThat(c.getMetaData().getURL()).startsWith(db.url().split("\\?")[0]);
                }
            });
            assertThat(tableExists(db, "notes")).isTrue();
        }
    }

    private static boolean tableExists(TestDatabase db, String table) throws Exception {
        try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, table, null)) {
            return rs.next();
        }
    }
}
