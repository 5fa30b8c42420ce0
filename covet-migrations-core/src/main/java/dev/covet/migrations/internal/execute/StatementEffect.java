package dev.covet.migrations.internal.execute;

import java.util.List;

/**
 * What a MySQL statement does, as far as a resume must know: data changes run in a transaction with their
 * progress write (so whether they ran is recorded atomically with them), schema changes commit by themselves and
 * are checked in the catalog. See {@link MySqlStatementEffects}.
 */
sealed interface StatementEffect {

    /** A data statement (INSERT, UPDATE, DELETE, ...): transactional on InnoDB, guarded by a transaction. */
    record Data() implements StatementEffect {
    }

    /** A schema change whose result the catalog shows: all facts hold once it ran, none before. */
    record Schema(List<CatalogFact> facts) implements StatementEffect {
        public Schema {
            facts = List.copyOf(facts);
        }
    }

    /** A schema change that leaves the same result when run twice (MODIFY COLUMN to one definition). */
    record Repeatable(String what) implements StatementEffect {
    }

    /** A statement whose effect Covet cannot check in the catalog. */
    record Unknown() implements StatementEffect {
    }
}
