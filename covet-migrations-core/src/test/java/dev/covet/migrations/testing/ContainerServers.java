package dev.covet.migrations.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.util.Optional;

/**
 * Starts PostgreSQL or MySQL in a container when Docker is available (Testcontainers), for machines
 * without local servers. The containers live for the test JVM.
 */
final class ContainerServers {

    private ContainerServers() {
    }

    static Optional<TestDatabases.Server> start(String kind) {
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.empty();
            }
        } catch (Throwable noDocker) {
            return Optional.empty();
        }
        if (kind.equals("postgresql")) {
            var pg = new PostgreSQLContainer("postgres:15");
            pg.start();
            return Optional.of(new TestDatabases.Server(kind, pg.getJdbcUrl(), pg.getUsername(), pg.getPassword(), null));
        }
        var my = new MySQLContainer("mysql:8.4").withUsername("root").withPassword("test");
        my.start();
        return Optional.of(new TestDatabases.Server(kind, my.getJdbcUrl(), "root", "test", null));
    }
}
