package dev.covet.migrations.oracle.clinic1;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/** The clinic and bookshop before: scans only this package. */
@SpringBootApplication
@EntityScan(basePackageClasses = ClinicApplication.class)
public class ClinicApplication {
}
