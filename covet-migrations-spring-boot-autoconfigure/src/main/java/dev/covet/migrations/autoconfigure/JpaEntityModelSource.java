package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.jpa.JpaModelReader;
import dev.covet.migrations.schema.SchemaState;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The entities of Boot's {@code PersistenceManagedTypes} (or, outside an application, the classes a launcher found),
 * read for the migration dialect with the Hibernate settings
 * the application's JPA uses ({@link JpaDdlSettings}: {@code spring.jpa.properties.*}, naming, dialect).
 */
final class JpaEntityModelSource implements EntityModelSource {

    private final Supplier<? extends Collection<String>> managedClassNames;
    private final Dialect dialect;
    private final Environment environment;
    private final ClassLoader classLoader;

    /**
     * @param managedClassNames the entity classes' names, asked for when the model is read
     */
    JpaEntityModelSource(Supplier<? extends Collection<String>> managedClassNames, Dialect dialect, Environment environment,
            ClassLoader classLoader) {
        this.managedClassNames = managedClassNames;
        this.dialect = dialect;
        this.environment = environment;
        this.classLoader = classLoader;
    }

    @Override
    public SchemaState read() {
        Collection<String> names = managedClassNames.get();
        if (names.isEmpty()) {
            throw new IllegalStateException("no entity model: the application manages no JPA entities");
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            classes.add(ClassUtils.resolveClassName(name, classLoader));
        }
        return new JpaModelReader(dialect, JpaDdlSettings.of(environment, dialect, classLoader)).read(classes);
    }
}
