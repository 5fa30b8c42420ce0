package dev.covet.migrations.maven;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypesScanner;
import org.springframework.util.ClassUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The JPA types the application's Spring Boot would manage, found without loading a class: Spring's
 * {@link PersistenceManagedTypesScanner} (entities, embeddables, mapped superclasses, converters) over the packages
 * Boot scans, that is those of {@code @EntityScan} when a compiled class carries it, else the packages of the
 * {@code @SpringBootApplication} (any {@code @AutoConfigurationPackage}) classes. A project with neither (a library of
 * entities) gets the packages of its compiled classes. Packages given explicitly win over all of that.
 */
final class EntityClasses {

    private static final String ENTITY_SCAN = "org.springframework.boot.persistence.autoconfigure.EntityScan";
    private static final String AUTO_CONFIGURATION_PACKAGE = "org.springframework.boot.autoconfigure.AutoConfigurationPackage";

    private EntityClasses() {
    }

    /**
     * The managed class names.
     *
     * @param classesDirectory the project's compiled classes
     * @param packages packages to scan, or empty to find them as Boot would
     * @param classLoader the project's class loader
     */
    static List<String> find(Path classesDirectory, Collection<String> packages, ClassLoader classLoader) {
        Collection<String> scanned = packages == null || packages.isEmpty() ? packages(classesDirectory, classLoader) : packages;
        if (scanned.isEmpty()) {
            return List.of();
        }
        return new PersistenceManagedTypesScanner(new DefaultResourceLoader(classLoader))
                .scan(scanned.toArray(String[]::new)).getManagedClassNames();
    }

    /** The packages Boot would scan for this project's entities. */
    static Set<String> packages(Path classesDirectory, ClassLoader classLoader) {
        Set<String> entityScan = new TreeSet<>();
        Set<String> application = new TreeSet<>();
        Set<String> all = new TreeSet<>();
        MetadataReaderFactory readers = new SimpleMetadataReaderFactory(classLoader);
        for (Path file : classFiles(classesDirectory)) {
            AnnotationMetadata metadata;
            try {
                metadata = readers.getMetadataReader(new FileSystemResource(file)).getAnnotationMetadata();
            } catch (IOException | RuntimeException e) {
                continue; // not a class Spring can read (module-info, a newer class file version): not an entity either
            }
            String pkg = ClassUtils.getPackageName(metadata.getClassName());
            all.add(pkg);
            Map<String, Object> scan = metadata.getAnnotationAttributes(ENTITY_SCAN, true);
            if (scan != null) {
                addAll(entityScan, (String[]) scan.get("basePackages"));
                for (String type : (String[]) scan.get("basePackageClasses")) {
                    entityScan.add(ClassUtils.getPackageName(type));
                }
                if (entityScan.isEmpty()) {
                    entityScan.add(pkg);
                }
            }
            if (metadata.getAnnotations().isPresent(AUTO_CONFIGURATION_PACKAGE)) {
                application.add(pkg);
            }
        }
        return !entityScan.isEmpty() ? entityScan : !application.isEmpty() ? application : roots(all);
    }

    private static void addAll(Set<String> target, String[] values) {
        if (values != null) {
            for (String value : values) {
                if (!value.isBlank()) {
                    target.add(value.trim());
                }
            }
        }
    }

    /** The packages no other package in the set is a parent of (the default package, "", only when it has classes). */
    private static Set<String> roots(Set<String> packages) {
        Set<String> roots = new TreeSet<>();
        for (String pkg : packages) {
            if (roots.stream().noneMatch(r -> r.isEmpty() || pkg.equals(r) || pkg.startsWith(r + "."))) {
                roots.add(pkg);
            }
        }
        return roots;
    }

    private static List<Path> classFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return new ArrayList<>(files.filter(f -> f.toString().endsWith(".class") && Files.isRegularFile(f)).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the compiled classes in " + directory, e);
        }
    }
}
