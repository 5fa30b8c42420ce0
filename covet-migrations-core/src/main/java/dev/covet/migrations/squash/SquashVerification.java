package dev.covet.migrations.squash;

import dev.covet.migrations.schema.SchemaState;

import java.util.List;

/**
 * The outcome of {@link SquashVerifier#verifySquash}: the schemas the originals and the squashed migration
 * produce on a real database, and where they differ.
 *
 * @param isValid whether they are the same
 * @param differences table-by-table differences
 * @param originalSchema the schema after the originals
 * @param squashedSchema the schema after the squashed migration, or null when it failed to apply
 */
public record SquashVerification(boolean isValid, List<String> differences, SchemaState originalSchema,
                                 SchemaState squashedSchema) {
    public SquashVerification {
        differences = List.copyOf(differences);
    }
}
