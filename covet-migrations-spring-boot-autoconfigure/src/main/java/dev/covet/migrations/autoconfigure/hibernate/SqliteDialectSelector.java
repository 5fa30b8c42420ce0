package dev.covet.migrations.autoconfigure.hibernate;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Selects {@link CovetSQLiteDialect} when the application's DataSource is SQLite and the user chose no dialect
 * ({@code spring.jpa.database-platform} or {@code spring.jpa.properties.hibernate.dialect}).
 */
public class SqliteDialectSelector implements HibernatePropertiesCustomizer {

    /** The Hibernate property naming the dialect. */
    static final String DIALECT = "hibernate.dialect";

    private final DataSource dataSource;
    private final Supplier<String> databasePlatform;

    /**
     * Creates the selector.
     *
     * @param dataSource the DataSource JPA uses
     * @param databasePlatform the configured {@code spring.jpa.database-platform}, or null
     */
    public SqliteDialectSelector(DataSource dataSource, Supplier<String> databasePlatform) {
        this.dataSource = dataSource;
        this.databasePlatform = databasePlatform;
    }

    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        if (hibernateProperties.get(DIALECT) != null || databasePlatform.get() != null) {
            return;
        }
        if (isSqlite()) {
            hibernateProperties.put(DIALECT, CovetSQLiteDialect.class.getName());
        }
    }

    private boolean isSqlite() {
        try {
            String url = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
            return url != null && url.toLowerCase(Locale.ROOT).startsWith("jdbc:sqlite:");
        } catch (MetaDataAccessException e) {
            // Cannot tell: leave the choice to Hibernate, which reports the connection problem itself.
            return false;
        }
    }
}
