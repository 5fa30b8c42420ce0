package dev.covet.migrations.autoconfigure;


import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.datasource.AbstractDriverBasedDataSource;
import org.springframework.util.ClassUtils;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * SQLite creates a database file but not its directory: {@code jdbc:sqlite:./data/app.db} fails on a fresh
 * checkout. The directory is created before the first connection.
 */
final class SqliteDirectories {

    private SqliteDirectories() {
    }

    static void createParentDirectory(DataSource dataSource) {
        String url = configuredUrl(dataSource);
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:sqlite:")) {
            return;
        }
        String path = url.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
        if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the directory of the SQLite database " + path, e);
            }
        }
    }

    /** The URL a pool was configured with, without opening a connection (which would fail first). */
    private static String configuredUrl(DataSource dataSource) {
        if (ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource", null)) {
            String url = Hikari.url(dataSource);
            if (url != null) {
                return url;
            }
        }
        // DriverManagerDataSource, and the SimpleDriverDataSource of covet.migrations.url
        if (dataSource instanceof AbstractDriverBasedDataSource simple) {
            return simple.getUrl();
        }
        return null;
    }


    /** Kept apart so Hikari is only loaded when it is on the classpath. */
    private static final class Hikari {
        static String url(DataSource dataSource) {
            return dataSource instanceof HikariDataSource hikari ? hikari.getJdbcUrl() : null;
        }
    }
}
