package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.dialect.Dialect;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;

/**
 * Chooses the migration {@link Dialect}: the configured one, or the one of the JDBC URL a connection of the
 * DataSource reports (pools hide the URL; the connection's metadata does not).
 */
final class JdbcUrlDialectResolver {

    private JdbcUrlDialectResolver() {
    }

    static Dialect resolve(String configured, DataSource dataSource) {
        if (configured != null && !configured.isBlank() && !"auto".equalsIgnoreCase(configured.trim())) {
            return Dialect.forName(configured.trim());
        }
        return Dialect.forJdbcUrl(jdbcUrl(dataSource));
    }

    static String jdbcUrl(DataSource dataSource) {
        try {
            String url = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
            if (url == null) {
                throw new IllegalStateException("the migration DataSource reports no JDBC URL; set covet.migrations.dialect");
            }
            return url;
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot detect the database dialect: " + e.getMessage()
                    + " (set covet.migrations.dialect to skip detection)", e);
        }
    }
}
