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
        return forUrl(jdbcUrl(dataSource));
    }

    /**
     * The dialect of a JDBC URL. An embedded database Covet does not run on (H2, HSQLDB, Derby) is most often the
     * one a test slice put in place of the application's: the error says how to keep the real one.
     */
    static Dialect forUrl(String url) {
        try {
            return Dialect.forJdbcUrl(url);
        } catch (IllegalArgumentException e) {
            if (url.matches("(?i)jdbc:(h2|hsqldb|derby):.*")) {
                throw new IllegalStateException(e.getMessage() + ". If a test slice (@DataJpaTest, @JdbcTest, @DataJdbcTest)"
                        + " replaced your DataSource with this embedded database, keep your database with"
                        + " @AutoConfigureTestDatabase(replace = Replace.NONE), or test on SQLite (jdbc:sqlite:...)", e);
            }
            throw e;
        }
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
