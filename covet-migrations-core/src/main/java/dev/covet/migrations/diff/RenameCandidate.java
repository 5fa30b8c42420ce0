package dev.covet.migrations.diff;

import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.TableSchema;

/**
 * A dropped and an added column, or a dropped and a created table, that may be one thing renamed. Names alone can
 * never settle it ({@code telephone} and {@code phone_number} share no text), so a candidate the scores do not make
 * a rename is decided by {@link ChangeDecisions}: a flag, a question on the console, or no file written.
 */
public sealed interface RenameCandidate {

    /** The question asked on a console, e.g. {@code Did you rename owners.telephone to owners.phone_number (VARCHAR(255))?}. */
    String question();

    /** What the flags name: {@code owners.telephone=phone_number} or {@code author=writer}. */
    String flagValue();

    /** How sure the scores were (0 to 1). */
    double confidence();

    /** {@code --rename <flagValue>}. */
    default String renameFlag() {
        return "--rename " + flagValue();
    }

    /** {@code --no-rename <flagValue>}. */
    default String noRenameFlag() {
        return "--no-rename " + flagValue();
    }

    /**
     * A dropped and an added column of one table with compatible types.
     *
     * @param table the table (its name after any table rename)
     * @param dropped the column the old schema has
     * @param added the column the new schema has
     * @param confidence the rename score
     */
    record Column(String table, ColumnSchema dropped, ColumnSchema added, double confidence) implements RenameCandidate {
        @Override
        public String question() {
            return "Did you rename " + table + "." + dropped.name() + " to " + table + "." + added.name() + " ("
                    + added.type().sql() + ")?";
        }

        @Override
        public String flagValue() {
            return table + "." + dropped.name() + "=" + added.name();
        }
    }

    /**
     * A dropped and a created table with the same columns, or that the foreign keys of other tables moved from one
     * to the other.
     *
     * @param dropped the table the old schema has
     * @param created the table the new schema has
     * @param confidence the rename score
     * @param evidence why they are a candidate ("the same 3 columns", "book.author_id now references writer")
     */
    record Table(TableSchema dropped, TableSchema created, double confidence, String evidence) implements RenameCandidate {
        @Override
        public String question() {
            return "Did you rename table " + dropped.name() + " to " + created.name() + " (" + evidence + ")?";
        }

        @Override
        public String flagValue() {
            return dropped.name() + "=" + created.name();
        }
    }
}
