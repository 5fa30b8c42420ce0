package dev.covet.migrations.oracle.v1;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/** The shop before the change: scans only this package, so its entities are the whole model. */
@SpringBootApplication
@EntityScan(basePackageClasses = OracleV1Application.class)
public class OracleV1Application {
}
