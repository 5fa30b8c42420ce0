package dev.covet.migrations.internal.jpa;

import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.registry.classloading.spi.ClassLoaderService;
import org.hibernate.boot.registry.classloading.spi.ClassLoadingException;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.service.ServiceRegistry;

import java.util.Map;

/**
 * Applies to Hibernate's boot model what Hibernate itself applies to it when a session factory starts, before its
 * schema tooling writes DDL: the Bean Validation constraints (NOT NULL from {@code @NotNull}, {@code @NotBlank},
 * {@code @NotEmpty}; lengths from {@code @Size(max)}; precision from {@code @Digits}; CHECKs from {@code @Min} and
 * {@code @Max}), with Hibernate's own rules (a single-table subclass's columns stay nullable,
 * {@code jakarta.persistence.validation.mode} and {@code hibernate.validator.apply_to_ddl} are honoured).
 *
 * <p>Why a session factory: Hibernate applies these rules in a package-private class that runs only from its Bean
 * Validation integrator, when a session factory is built. Building one from the metadata, with no connection
 * ({@link NoConnections}, no JDBC metadata access, no schema action), runs exactly that code, so the model Covet
 * reads is the one Hibernate's {@code ddl-auto=create} would write. Without the Bean Validation API on the class
 * path there is nothing to apply and no session factory is built.
 */
public final class HibernateBootConstraints {

    private static final String VALIDATION_API = "jakarta.validation.Validation";

    private HibernateBootConstraints() {
    }

    /** Settings the reader's service registry needs so that building a session factory stays offline. */
    public static void offline(Map<String, Object> settings) {
        settings.put("hibernate.boot.allow_jdbc_metadata_access", "false");
        settings.put("hibernate.connection.provider_class", NoConnections.INSTANCE);
        settings.put("hibernate.resource.beans.container", DeferredBeans.INSTANCE);
        // Queries are no part of the schema: a broken named query is Hibernate's to report, at the application's start.
        settings.put("hibernate.query.startup_check", "false");
        // Whatever the application's properties say, nothing is created, dropped or scripted from here.
        settings.put("hibernate.hbm2ddl.auto", "none");
        settings.put("jakarta.persistence.schema-generation.database.action", "none");
        settings.put("jakarta.persistence.schema-generation.scripts.action", "none");
        // Nor are the tables of the multi-table mutation strategies created at start (they need a connection).
        settings.put("hibernate.query.mutation_strategy.persistent.create_tables", "false");
        settings.put("hibernate.query.mutation_strategy.persistent.drop_tables", "false");
        settings.put("hibernate.query.mutation_strategy.global_temporary.create_tables", "false");
        settings.put("hibernate.query.mutation_strategy.global_temporary.drop_tables", "false");
    }

    /** Mutates the metadata's mapping as Hibernate's Bean Validation integration does, when that API is present. */
    public static void apply(Metadata metadata, ServiceRegistry registry) {
        if (!present(registry) || turnedOff(registry.requireService(ConfigurationService.class).getSettings())) {
            return;
        }
        try (SessionFactory ignored = metadata.getSessionFactoryBuilder().build()) {
            // Built for its side effect on the mapping; closed at once.
        } catch (RuntimeException e) {
            throw new IllegalStateException("Hibernate could not start offline from the entities, which Covet does to apply "
                    + "Bean Validation to the model as Hibernate's DDL does (" + e.getMessage() + "); fix the mapping, or set "
                    + "spring.jpa.properties.hibernate.validator.apply_to_ddl=false to leave Bean Validation out of the "
                    + "schema (then for Hibernate too)", e);
        }
    }

    /** Whether the settings keep Hibernate from applying Bean Validation to DDL: then no session factory is needed. */
    private static boolean turnedOff(Map<String, Object> settings) {
        Object mode = settings.getOrDefault("jakarta.persistence.validation.mode", settings.get("javax.persistence.validation.mode"));
        Object toDdl = settings.get("hibernate.validator.apply_to_ddl");
        return (mode != null && mode.toString().trim().equalsIgnoreCase("none"))
                || (toDdl != null && toDdl.toString().trim().equalsIgnoreCase("false"));
    }

    /** The check Hibernate's integrator makes, with the class loaders Hibernate uses. */
    private static boolean present(ServiceRegistry registry) {
        try {
            registry.requireService(ClassLoaderService.class).classForName(VALIDATION_API);
            return true;
        } catch (ClassLoadingException e) {
            return false;
        }
    }
}
