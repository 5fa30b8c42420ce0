package dev.covet.migrations.oracle.v2;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/**
 * The shop after the change (a column and a table renamed, fields added and dropped, a new entity): scans only this
 * package, so its entities are the whole model.
 */
@SpringBootApplication
@EntityScan(basePackageClasses = OracleV2Application.class)
public class OracleV2Application {
}
