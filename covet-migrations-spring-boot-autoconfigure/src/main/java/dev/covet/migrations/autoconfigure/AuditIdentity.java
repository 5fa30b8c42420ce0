package dev.covet.migrations.autoconfigure;

import org.springframework.core.env.Environment;

/** Who and where, as recorded in the history and the audit trail: configured, else the OS user and active profiles. */
final class AuditIdentity {

    private AuditIdentity() {
    }

    static String executor(CovetMigrationsProperties properties) {
        String configured = properties.getAudit().getExecutor();
        return configured != null && !configured.isBlank() ? configured : System.getProperty("user.name", "unknown");
    }

    static String environment(CovetMigrationsProperties properties, Environment environment) {
        String configured = properties.getAudit().getEnvironment();
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String[] profiles = environment.getActiveProfiles();
        return profiles.length == 0 ? "default" : String.join(",", profiles);
    }
}
