package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.jpa.JpaModelReader;
import dev.covet.migrations.schema.SchemaState;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entities of Boot's {@link PersistenceManagedTypes}, read for the migration dialect with the naming strategies
 * the application's JPA uses (Boot's defaults unless {@code spring.jpa.hibernate.naming.*} says otherwise).
 */
final class JpaEntityModelSource implements EntityModelSource {

    private static final String BOOT_IMPLICIT_NAMING = "org.springframework.boot.hibernate.SpringImplicitNamingStrategy";
    private static final String COVET_SQLITE_DIALECT = "dev.covet.migrations.autoconfigure.hibernate.CovetSQLiteDialect";

    private final org.springframework.beans.factory.ObjectProvider<PersistenceManagedTypes> managedTypes;
    private final Dialect dialect;
    private final Environment environment;
    private final ClassLoader classLoader;

    JpaEntityModelSource(org.springframework.beans.factory.ObjectProvider<PersistenceManagedTypes> managedTypes, Dialect dialect, Environment environment, ClassLoader classLoader) {
        this.managedTypes = managedTypes;
        this.dialect = dialect;
        this.environment = environment;
        this.classLoader = classLoader;
    }

    @Override
    public SchemaState read() {
        // Looked up now, not when this bean is made: JPA's auto-configuration runs after Covet's.
        PersistenceManagedTypes types = managedTypes.getIfAvailable();
        if (types == null || types.getManagedClassNames().isEmpty()) {
            throw new IllegalStateException("no entity model: the application manages no JPA entities");
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : types.getManagedClassNames()) {
            classes.add(ClassUtils.resolveClassName(name, classLoader));
        }
        Map<String, Object> settings = new HashMap<>();
        settings.put("hibernate.physical_naming_strategy", environment.getProperty("spring.jpa.hibernate.naming.physical-strategy",
                "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy"));
        String implicit = environment.getProperty("spring.jpa.hibernate.naming.implicit-strategy",
                ClassUtils.isPresent(BOOT_IMPLICIT_NAMING, classLoader) ? BOOT_IMPLICIT_NAMING : null);
        if (implicit != null) {
            settings.put("hibernate.implicit_naming_strategy", implicit);
        }
        if (dialect.name().equals("sqlite")) {
            settings.put("hibernate.dialect", COVET_SQLITE_DIALECT);
        }
        return new JpaModelReader(dialect, settings).read(classes);
    }
}
