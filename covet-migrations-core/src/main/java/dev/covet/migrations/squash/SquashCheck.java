package dev.covet.migrations.squash;

import java.util.List;

/**
 * How a squash was verified before it was written, and whether it passed.
 *
 * @param method where the schemas were compared
 * @param description what was verified and how, for people
 * @param passed whether the squashed migration produces the schema the originals produce
 * @param differences where they differ (empty when they do not)
 */
public record SquashCheck(Method method, String description, boolean passed, List<String> differences) {

    public SquashCheck {
        differences = List.copyOf(differences);
    }

    /** Where the schemas were compared. */
    public enum Method {
        /** Applied to two scratch databases of the application's kind and read back. */
        SCRATCH_DATABASE,
        /** Projected on Covet's schema model only: no scratch database could be created, or the originals fail on one. */
        SCHEMA_MODEL
    }
}
