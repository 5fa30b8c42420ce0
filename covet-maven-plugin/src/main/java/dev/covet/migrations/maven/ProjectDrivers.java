package dev.covet.migrations.maven;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * The project's JDBC drivers, made visible to {@link DriverManager} calls from Covet's own classes (the SQLite lease
 * heartbeat and squash's scratch database connect by URL). {@code DriverManager} hands a driver only to callers whose
 * class loader sees the driver's class; the drivers are the project's, Covet is the plugin's. A small delegating
 * driver of the plugin's own is registered for each for the duration of a goal, and deregistered after.
 */
final class ProjectDrivers implements AutoCloseable {

    private final List<Driver> registered = new ArrayList<>();

    private ProjectDrivers() {
    }

    static ProjectDrivers register(ClassLoader projectLoader) {
        ProjectDrivers drivers = new ProjectDrivers();
        try {
            for (Driver driver : ServiceLoader.load(Driver.class, projectLoader)) {
                if (driver.getClass().getClassLoader() == projectLoader) {
                    Shim shim = new Shim(driver);
                    DriverManager.registerDriver(shim);
                    drivers.registered.add(shim);
                }
            }
        } catch (SQLException | ServiceConfigurationError e) {
            // A driver that cannot load is the application's problem too; the DataSource reports it when used.
        }
        return drivers;
    }

    @Override
    public void close() {
        for (Driver driver : registered) {
            try {
                DriverManager.deregisterDriver(driver);
            } catch (SQLException e) {
                // nothing left to do
            }
        }
    }

    private record Shim(Driver driver) implements Driver {

        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            return driver.connect(url, info);
        }

        @Override
        public boolean acceptsURL(String url) throws SQLException {
            return driver.acceptsURL(url);
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
            return driver.getPropertyInfo(url, info);
        }

        @Override
        public int getMajorVersion() {
            return driver.getMajorVersion();
        }

        @Override
        public int getMinorVersion() {
            return driver.getMinorVersion();
        }

        @Override
        public boolean jdbcCompliant() {
            return driver.jdbcCompliant();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return driver.getParentLogger();
        }
    }
}
