package dev.covet.migrations.oracle.adopt;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/**
 * An application written for a database made by hand before Covet: its entities match the existing tables, plus
 * one new field ({@link Account#phone}).
 */
@SpringBootApplication
@EntityScan(basePackageClasses = AdoptApplication.class)
public class AdoptApplication {
}
