package dev.covet.migrations.oracle.clinic2;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/** The same model after renames that share no text with the old names, and a new primitive field. */
@SpringBootApplication
@EntityScan(basePackageClasses = ClinicApplication.class)
public class ClinicApplication {
}
