package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.jpa.JpaModelReader;
import dev.covet.migrations.schema.SchemaState;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.List;

/**
 * The entities of Boot's {@link PersistenceManagedTypes}, read for the migration dialect with the Hibernate settings
 * the application's JPA uses ({@link JpaDdlSettings}: {@code spring.jpa.properties.*}, naming, dialect).
 */
final class JpaEntityModelSource implements EntityModelSource {

    private final ObjectProvider<PersistenceManagedTypes> managedTypes;
    private final Dialect dialect;
    private final Environment environment;
    private final ClassLoader classLoader;

    JpaEntityModelSource(ObjectProvider<PersistenceManagedTypes> managedTypes, Dialect dialect, Environment environment, ClassLoader classLoader) {
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
        return new JpaModelReader(dialect, JpaDdlSettings.of(environment, dialect, classLoader)).read(classes);
    }
}
