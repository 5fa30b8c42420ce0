package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.dialect.Dialect;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Hibernate settings the entity model is read with follow the application's JPA properties, with Boot's precedence. */
class JpaDdlSettingsTests {

    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void passesSpringJpaPropertiesAndBootsNamingDefaults() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.jpa.properties.hibernate.type.preferred_uuid_jdbc_type", "CHAR")
                .withProperty("spring.jpa.properties.jakarta.persistence.validation.mode", "none");

        Map<String, Object> settings = JpaDdlSettings.of(env, Dialect.forName("postgresql"), loader);

        assertThat(settings).containsEntry("hibernate.type.preferred_uuid_jdbc_type", "CHAR")
                .containsEntry("jakarta.persistence.validation.mode", "none")
                .containsEntry("hibernate.physical_naming_strategy", "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy")
                .containsEntry("hibernate.implicit_naming_strategy", "org.springframework.boot.hibernate.SpringImplicitNamingStrategy")
                .containsEntry("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect");
    }

    @Test
    void namingPropertiesWinOverTheirSpringJpaPropertiesForm() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.jpa.properties.hibernate.physical_naming_strategy", "a.FromProperties")
                .withProperty("spring.jpa.properties.hibernate.implicit_naming_strategy", "a.ImplicitFromProperties")
                .withProperty("spring.jpa.hibernate.naming.physical-strategy", "a.FromNaming");

        Map<String, Object> settings = JpaDdlSettings.of(env, Dialect.forName("mysql"), loader);

        assertThat(settings).containsEntry("hibernate.physical_naming_strategy", "a.FromNaming")
                .containsEntry("hibernate.implicit_naming_strategy", "a.ImplicitFromProperties");
    }

    @Test
    void theDialectComesFromTheHibernatePropertyThenTheDatabasePlatform() {
        MockEnvironment platform = new MockEnvironment()
                .withProperty("spring.jpa.database-platform", "org.hibernate.dialect.MariaDBDialect");
        assertThat(JpaDdlSettings.of(platform, Dialect.forName("mysql"), loader))
                .containsEntry("hibernate.dialect", "org.hibernate.dialect.MariaDBDialect");

        MockEnvironment both = new MockEnvironment()
                .withProperty("spring.jpa.database-platform", "org.hibernate.dialect.MariaDBDialect")
                .withProperty("spring.jpa.properties.hibernate.dialect", "org.hibernate.dialect.MySQLDialect");
        assertThat(JpaDdlSettings.of(both, Dialect.forName("mysql"), loader))
                .containsEntry("hibernate.dialect", "org.hibernate.dialect.MySQLDialect");

        MockEnvironment community = new MockEnvironment()
                .withProperty("spring.jpa.database-platform", "org.hibernate.community.dialect.SQLiteDialect");
        assertThat(JpaDdlSettings.of(community, Dialect.forName("sqlite"), loader))
                .containsEntry("hibernate.dialect", "org.hibernate.community.dialect.SQLiteDialect");
    }

    @Test
    void withoutAChoiceSqliteGetsCovetsDialectAsTheApplicationDoes() {
        assertThat(JpaDdlSettings.of(new MockEnvironment(), Dialect.forName("sqlite"), loader))
                .containsEntry("hibernate.dialect", "dev.covet.migrations.autoconfigure.hibernate.CovetSQLiteDialect");
    }

    @Test
    void aDialectForAnotherDatabaseOrAnUnknownClassIsNotUsed() {
        MockEnvironment other = new MockEnvironment()
                .withProperty("spring.jpa.database-platform", "org.hibernate.dialect.PostgreSQLDialect");
        assertThat(JpaDdlSettings.of(other, Dialect.forName("mysql"), loader))
                .containsEntry("hibernate.dialect", "org.hibernate.dialect.MySQLDialect");

        MockEnvironment unknown = new MockEnvironment()
                .withProperty("spring.jpa.properties.hibernate.dialect", "no.such.Dialect");
        assertThat(JpaDdlSettings.of(unknown, Dialect.forName("sqlite"), loader))
                .containsEntry("hibernate.dialect", "dev.covet.migrations.autoconfigure.hibernate.CovetSQLiteDialect");
    }
}
