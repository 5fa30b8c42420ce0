package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.jpa.JpaModelReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

import java.util.HashMap;
import java.util.Map;

/**
 * The Hibernate settings the application's JPA starts with, as far as they shape the DDL: everything under
 * {@code spring.jpa.properties.*} (as Boot passes it), the naming strategies of {@code spring.jpa.hibernate.naming.*}
 * (Boot's defaults otherwise) and the dialect ({@code spring.jpa.properties.hibernate.dialect}, else
 * {@code spring.jpa.database-platform}, else the one Covet selects on SQLite). The precedence is Boot's.
 *
 * <p>A dialect for another database than the migrations' is not used (the model is read for the database the
 * migrations run on, which must be the one the dialect is for): that is logged.
 */
final class JpaDdlSettings {

    private static final Logger log = LoggerFactory.getLogger(JpaDdlSettings.class);

    private static final String PHYSICAL_NAMING = "hibernate.physical_naming_strategy";
    private static final String IMPLICIT_NAMING = "hibernate.implicit_naming_strategy";
    private static final String DIALECT = "hibernate.dialect";
    private static final String BOOT_PHYSICAL_NAMING = "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy";
    private static final String BOOT_IMPLICIT_NAMING = "org.springframework.boot.hibernate.SpringImplicitNamingStrategy";
    private static final String COVET_SQLITE_DIALECT = "dev.covet.migrations.autoconfigure.hibernate.CovetSQLiteDialect";

    private JpaDdlSettings() {
    }

    /** The settings for reading the entities of an application whose migrations run on {@code dialect}. */
    static Map<String, Object> of(Environment environment, Dialect dialect, ClassLoader classLoader) {
        Map<String, Object> settings = new HashMap<>(Binder.get(environment)
                .bind("spring.jpa.properties", Bindable.mapOf(String.class, String.class)).orElseGet(Map::of));
        // Boot: an explicit spring.jpa.hibernate.naming.* wins; else the property; else Boot's default.
        String physical = environment.getProperty("spring.jpa.hibernate.naming.physical-strategy");
        if (physical != null) {
            settings.put(PHYSICAL_NAMING, physical);
        }
        settings.putIfAbsent(PHYSICAL_NAMING, BOOT_PHYSICAL_NAMING);
        String implicit = environment.getProperty("spring.jpa.hibernate.naming.implicit-strategy");
        if (implicit != null) {
            settings.put(IMPLICIT_NAMING, implicit);
        } else if (ClassUtils.isPresent(BOOT_IMPLICIT_NAMING, classLoader)) {
            settings.putIfAbsent(IMPLICIT_NAMING, BOOT_IMPLICIT_NAMING);
        }
        // Spring's JPA vendor adapter sets the platform; spring.jpa.properties override it.
        Object chosen = settings.containsKey(DIALECT) ? settings.get(DIALECT)
                : environment.getProperty("spring.jpa.database-platform");
        settings.remove(DIALECT);
        if (chosen != null && forDatabase(chosen.toString(), dialect, classLoader)) {
            settings.put(DIALECT, chosen.toString());
        } else {
            if (chosen != null) {
                log.warn("Hibernate dialect {} is not a dialect for {}, where the migrations run: the entities are read "
                        + "with {}", chosen, dialect.name(), defaultDialect(dialect));
            }
            settings.put(DIALECT, defaultDialect(dialect));
        }
        return settings;
    }

    /** What the application's JPA gets when nobody chose: on SQLite, Covet's dialect (its selector sets it). */
    private static String defaultDialect(Dialect dialect) {
        return dialect.name().equals("sqlite") ? COVET_SQLITE_DIALECT : JpaModelReader.hibernateDialect(dialect);
    }

    /** Whether a Hibernate dialect class is one of the family Covet's dialect targets. */
    private static boolean forDatabase(String dialectClass, Dialect dialect, ClassLoader classLoader) {
        try {
            Class<?> base = ClassUtils.forName(JpaModelReader.hibernateDialect(dialect), classLoader);
            return base.isAssignableFrom(ClassUtils.forName(dialectClass.trim(), classLoader));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
