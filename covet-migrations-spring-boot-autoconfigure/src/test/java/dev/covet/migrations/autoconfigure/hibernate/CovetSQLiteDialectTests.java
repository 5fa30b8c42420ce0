package dev.covet.migrations.autoconfigure.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.community.dialect.SQLiteDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ddl-auto=validate} on SQLite with a {@code Long} identity: fails with the community dialect, passes with
 * {@link CovetSQLiteDialect}.
 */
class CovetSQLiteDialectTests {

    @TempDir
    Path dir;

    @Test
    void integralTypesAreEquivalent() {
        CovetSQLiteDialect dialect = new CovetSQLiteDialect();
        assertThat(dialect.equivalentTypes(Types.BIGINT, Types.INTEGER)).isTrue();
        assertThat(dialect.equivalentTypes(Types.SMALLINT, Types.BIGINT)).isTrue();
        assertThat(dialect.equivalentTypes(Types.BIGINT, Types.VARCHAR)).isFalse();
        assertThat(dialect.getIdentityColumnSupport().getIdentityColumnString(Types.BIGINT)).isEqualTo("INTEGER");
    }

    @Test
    void validatesIntegerPrimaryKeyAutoincrementForLongId() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("v.db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE item (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(100) NOT NULL, quantity INTEGER NOT NULL)");
        }
        assertThatThrownBy(() -> build(url, SQLiteDialect.class, "validate").close())
                .hasStackTraceContaining("id");
        try (SessionFactory ignored = build(url, CovetSQLiteDialect.class, "validate")) {
            assertThat(ignored.isOpen()).isTrue();
        }
    }

    @Test
    void createdSchemaHasTypedIdentityAndValidates() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("c.db");
        build(url, CovetSQLiteDialect.class, "create").close();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'item'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).containsIgnoringCase("id INTEGER");
        }
        build(url, CovetSQLiteDialect.class, "validate").close();
    }

    @Test
    void selectorPicksDialectOnlyForSqliteWithoutUserChoice() {
        SqliteDialectSelector selector = new SqliteDialectSelector(
                new DriverManagerDataSource("jdbc:sqlite:" + dir.resolve("s.db")), () -> null);
        Map<String, Object> properties = new HashMap<>();
        selector.customize(properties);
        assertThat(properties).containsEntry("hibernate.dialect", CovetSQLiteDialect.class.getName());

        Map<String, Object> userChose = new HashMap<>(Map.of("hibernate.dialect", "x.MyDialect"));
        selector.customize(userChose);
        assertThat(userChose).containsEntry("hibernate.dialect", "x.MyDialect");

        Map<String, Object> platform = new HashMap<>();
        new SqliteDialectSelector(new DriverManagerDataSource("jdbc:sqlite:" + dir.resolve("p.db")), () -> "x.Platform")
                .customize(platform);
        assertThat(platform).doesNotContainKey("hibernate.dialect");
    }

    private static SessionFactory build(String url, Class<?> dialect, String ddlAuto) {
        return new Configuration().addAnnotatedClass(Item.class)
                .setProperty("hibernate.connection.url", url)
                .setProperty("hibernate.dialect", dialect.getName())
                .setProperty("hibernate.hbm2ddl.auto", ddlAuto)
                .buildSessionFactory();
    }

    /** A JPA entity with a {@code Long} identity, as users write them. */
    @Entity
    @Table(name = "item")
    public static class Item {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        @Column(nullable = false, length = 100)
        String name;

        @Column(nullable = false)
        Integer quantity;
    }
}
