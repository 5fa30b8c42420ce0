package dev.covet.migrations.tenant;

import dev.covet.migrations.MigrationException;

/** The {@link TenantSource} could not list the tenants; no tenant was touched. */
public class TenantListingException extends MigrationException {

    /**
     * @param message what could not be listed, naming the source
     * @param cause what the source threw
     */
    public TenantListingException(String message, Throwable cause) {
        super(message, cause);
    }
}
