package dev.covet.migrations.internal.jpa;

import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.service.UnknownUnwrapTypeException;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connection provider of the session factory {@link HibernateBootConstraints} builds: the model is read without
 * a database, so asking for a connection is a bug, reported as such rather than answered by whatever connection
 * settings the application's properties carry.
 */
final class NoConnections implements ConnectionProvider {

    static final NoConnections INSTANCE = new NoConnections();

    private NoConnections() {
    }

    @Override
    public Connection getConnection() throws SQLException {
        throw new SQLException("Covet reads the entity model without a database connection");
    }

    @Override
    public void closeConnection(Connection connection) {
        // never opened
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new UnknownUnwrapTypeException(type);
    }
}
