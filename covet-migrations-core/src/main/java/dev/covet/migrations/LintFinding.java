package dev.covet.migrations;


/**
 * One risky operation.
 *
 * @param rule the rule's id ({@code index-not-concurrent}), used to silence it
 * @param migration the migration
 * @param operationIndex the position of the operation in the migration's {@code operations}
 * @param operation a short description ({@code ADD_INDEX orders.idx_orders_status})
 * @param why what goes wrong in production
 * @param instead the safe alternative
 */
public record LintFinding(String rule, MigrationId migration, int operationIndex, String operation, String why,
                          String instead) {

    /** One line for logs and the console. */
    public String describe() {
        return migration + " operations[" + operationIndex + "] " + operation + ": [" + rule + "] " + why + " Instead: " + instead;
    }
}
