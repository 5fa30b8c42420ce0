package dev.covet.migrations.internal.lint;

import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.schema.SchemaState;

import java.util.Optional;
import java.util.Set;

/**
 * A check of one operation for one dialect: does it lock or rewrite a table that already holds data, or break
 * code that is still running against the old schema?
 */
public interface LintRule {

    /** The rule's id, as used to silence it. */
    String id();

    /** Whether the rule concerns this dialect ({@code postgresql}, {@code mysql}, {@code sqlite}). */
    boolean appliesTo(String dialect);

    /**
     * The problem with the operation, if any.
     *
     * @param before the schema before the operation
     * @param createdHere tables created earlier in the same migration (empty, so nothing is locked)
     */
    Optional<Problem> check(Operation operation, SchemaState before, Set<String> createdHere);

    /**
     * What a rule found.
     *
     * @param why what goes wrong
     * @param instead the safe alternative
     */
    record Problem(String why, String instead) {
    }
}
