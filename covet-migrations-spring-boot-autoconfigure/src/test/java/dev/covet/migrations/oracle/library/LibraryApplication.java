package dev.covet.migrations.oracle.library;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.PropertySource;

/**
 * A lending library written for the Hibernate create oracle: JOINED and SINGLE_TABLE inheritance, a join table,
 * embeddables, element collections (of values and of embeddables), Bean Validation, Integer and Long ids, enums by
 * name and by ordinal. Its properties file sets a {@code spring.jpa.properties} entry that changes the DDL (UUIDs as
 * CHAR(36)), which the model must follow as Hibernate does.
 */
@SpringBootApplication
@EntityScan(basePackageClasses = LibraryApplication.class)
@PropertySource("classpath:oracle-library.properties")
public class LibraryApplication {
}
