package dev.covet.migrations.autoconfigure.hibernate;

import org.hibernate.community.dialect.SQLiteDialect;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jpa.autoconfigure.JpaProperties;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * Selects {@link CovetSQLiteDialect} for JPA on SQLite, when Hibernate and its community dialects are present.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        beforeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass({HibernatePropertiesCustomizer.class, SQLiteDialect.class, JpaProperties.class})
@ConditionalOnSingleCandidate(DataSource.class)
public final class CovetHibernateAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SqliteDialectSelector covetSqliteDialectSelector(DataSource dataSource, ObjectProvider<JpaProperties> jpaProperties) {
        return new SqliteDialectSelector(dataSource, () -> {
            JpaProperties properties = jpaProperties.getIfAvailable();
            return properties == null ? null : properties.getDatabasePlatform();
        });
    }
}
