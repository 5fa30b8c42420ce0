package dev.covet.migrations.tenant;

import dev.covet.migrations.MigrationException;

/** The {@link TenantSource} could not list the tenants; no tenant was touched. */
public class TenantListingException extends MigrationException {

    public TenantListingException(String message, Throwable cause) {
        super(message, cause);
    }
}
