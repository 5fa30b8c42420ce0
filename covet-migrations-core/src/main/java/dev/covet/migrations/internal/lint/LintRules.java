package dev.covet.migrations.internal.lint;

import dev.covet.migrations.operation.AddColumn;
import dev.covet.migrations.operation.AddConstraint;
import dev.covet.migrations.operation.AddForeignKey;
import dev.covet.migrations.operation.AddIndex;
import dev.covet.migrations.operation.AlterColumn;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.DropConstraint;
import dev.covet.migrations.operation.DropForeignKey;
import dev.covet.migrations.operation.DropTable;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.RenameColumn;
import dev.covet.migrations.operation.RenameTable;
import dev.covet.migrations.operation.RunJava;
import dev.covet.migrations.operation.RunSql;
import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.SchemaState;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The built-in rules. Each is small: which operation, which dialects, why, and what to do instead. */
public final class LintRules {

    private LintRules() {
    }

    /** Every built-in rule. */
    public static List<LintRule> all() {
        return List.of(
                rule("index-not-concurrent", d -> d.equals("postgresql"), (op, before, created) ->
                        op instanceof AddIndex a && existing(a.table(), before, created)
                                ? problem("CREATE INDEX blocks every write to " + a.table() + " until the index is built.",
                                "RUN_SQL CREATE INDEX CONCURRENTLY in a migration of its own (it cannot run in a transaction).")
                                : Optional.empty()),
                rule("foreign-key-not-valid", d -> d.equals("postgresql"), (op, before, created) ->
                        op instanceof AddForeignKey f && existing(f.table(), before, created)
                                ? problem("Adding a foreign key scans all rows of " + f.table() + " while holding a lock that"
                                        + " blocks writes to both tables.",
                                "RUN_SQL ALTER TABLE ... ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT in a later migration.")
                                : Optional.empty()),
                rule("check-not-valid", d -> d.equals("postgresql"), (op, before, created) ->
                        op instanceof AddConstraint c && c.constraint().kind() == ConstraintSchema.Kind.CHECK
                                && existing(c.table(), before, created)
                                ? problem("Adding a CHECK scans all rows of " + c.table() + " under an ACCESS EXCLUSIVE lock.",
                                "ADD CONSTRAINT ... CHECK (...) NOT VALID, then VALIDATE CONSTRAINT later.")
                                : Optional.empty()),
                rule("unique-constraint-locks", d -> !d.equals("sqlite"), (op, before, created) ->
                        op instanceof AddConstraint c && c.constraint().kind() == ConstraintSchema.Kind.UNIQUE
                                && existing(c.table(), before, created)
                                ? problem("Adding a UNIQUE constraint builds its index while blocking writes to " + c.table() + ".",
                                "Build a unique index first (CONCURRENTLY on PostgreSQL), then ADD CONSTRAINT ... USING INDEX.")
                                : Optional.empty()),
                rule("column-type-change", d -> true, (op, before, created) ->
                        op instanceof AlterColumn a && existing(a.table(), before, created) && typeChangeRewrites(a, before)
                                ? problem("Changing the type of " + a.table() + "." + a.column().name()
                                        + " rewrites the whole table under an exclusive lock and breaks code reading the old type.",
                                "Expand/contract: add a new column, backfill it in batches, switch the code, then drop the old one.")
                                : Optional.empty()),
                rule("set-not-null", d -> d.equals("postgresql"), (op, before, created) ->
                        op instanceof AlterColumn a && existing(a.table(), before, created) && becomesNotNull(a, before)
                                ? problem("SET NOT NULL on " + a.table() + "." + a.column().name()
                                        + " scans every row under an ACCESS EXCLUSIVE lock.",
                                "Add CHECK (" + a.column().name() + " IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL"
                                        + " (PostgreSQL 12+ uses the validated check and skips the scan).")
                                : Optional.empty()),
                rule("volatile-default", d -> !d.equals("sqlite"), (op, before, created) ->
                        op instanceof AddColumn a && existing(a.table(), before, created) && volatileDefault(a.column())
                                ? problem("A volatile default (" + ((ColumnDefault.Expression) a.column().defaultValue()).sql()
                                        + ") makes ADD COLUMN rewrite every row of " + a.table() + ".",
                                "Add the column without a default (or with a constant), then backfill in batches.")
                                : Optional.empty()),
                rule("add-not-null-without-default", d -> true, (op, before, created) ->
                        op instanceof AddColumn a && existing(a.table(), before, created) && !a.column().nullable()
                                && a.column().defaultValue() == null && !a.column().autoIncrement()
                                ? a.fillExistingRows() != null
                                        // The rows are filled, so the statement works; inserts by older code still fail.
                                        ? problem("ADD COLUMN " + a.column().name() + " NOT NULL without a default (existing rows"
                                                + " filled) breaks inserts from code that does not know the column.",
                                        "Deploy the code that sets it first, or give the column a default (@ColumnDefault).")
                                        : problem("ADD COLUMN " + a.column().name() + " NOT NULL without a default fails on a table"
                                        + " with rows, and breaks inserts from code that does not know the column.",
                                "Add it nullable (or with a default), backfill, then make it NOT NULL.")
                                : Optional.empty()),
                rule("drop-column-in-use", d -> true, (op, before, created) ->
                        op instanceof DropColumn c && existing(c.table(), before, created)
                                ? problem("Code that is still running reads " + c.table() + "." + c.column()
                                        + "; dropping it breaks every query that names it (and the data is gone).",
                                "Stop using the column in a release first; drop it in a later contract migration.")
                                : Optional.empty()),
                rule("rename-column-in-use", d -> true, (op, before, created) ->
                        op instanceof RenameColumn c && existing(c.table(), before, created)
                                ? problem("Running code still uses " + c.table() + "." + c.column() + "; the rename breaks it"
                                        + " until the new release is everywhere.",
                                "Expand/contract: add the new column, write both, backfill, switch reads, then drop the old one.")
                                : Optional.empty()),
                rule("drop-table-in-use", d -> true, (op, before, created) ->
                        op instanceof DropTable t && existing(t.table(), before, created)
                                ? problem("Dropping " + t.table() + " breaks running code that uses it and loses its data.",
                                "Stop using the table in a release first; back it up; drop it in a later contract migration.")
                                : Optional.empty()),
                rule("rename-table-in-use", d -> true, (op, before, created) ->
                        op instanceof RenameTable t && existing(t.table(), before, created)
                                ? problem("Running code still uses " + t.table() + "; renaming it breaks that code.",
                                "Create a view under the old name for the transition, or expand/contract.")
                                : Optional.empty()),
                rule("mysql-copy-algorithm", d -> d.startsWith("mysql"), (op, before, created) ->
                        op instanceof AddForeignKey f && existing(f.table(), before, created)
                                ? problem("With foreign_key_checks on, ADD FOREIGN KEY runs with ALGORITHM=COPY: " + f.table()
                                        + " is copied and writes are blocked.",
                                "Use an online schema-change tool, or add the key in a maintenance window.")
                                : op instanceof AlterColumn a && existing(a.table(), before, created) && typeChangeRewrites(a, before)
                                ? problem("Changing a column's type runs with ALGORITHM=COPY: " + a.table()
                                        + " is copied row by row and writes wait until it is done (ADD/DROP COLUMN are INSTANT,"
                                        + " ADD INDEX is INPLACE without a lock).",
                                "Expand/contract through a new column (makemigrations --zero-downtime), or an online schema-change tool.")
                                : op instanceof AlterColumn a && existing(a.table(), before, created) && becomesNotNull(a, before)
                                ? problem("SET NOT NULL runs with ALGORITHM=INPLACE but rebuilds " + a.table()
                                        + ", which takes time and I/O in proportion to its size.",
                                "Run it when the table is small or traffic is low; make sure no NULLs remain first.")
                                : Optional.empty()),
                rule("galera-total-order", d -> d.equals("mysql-galera"), (op, before, created) ->
                        changesExistingTable(op, before, created)
                                ? problem("On this Galera cluster the DDL runs in total order isolation (TOI): every node runs it at"
                                        + " the same point of the replication stream and no node commits other writes until it"
                                        + " has finished everywhere, so the whole cluster waits as long as " + String.join(", ", new TreeSet<>(op.tables()))
                                        + " takes to change. wsrep_OSU_method=RSU would not pause the cluster, but it runs the"
                                        + " statement on one desynchronized node only: the others keep the old schema until the"
                                        + " same statement is run on each of them by hand, while the history says it is applied"
                                        + " (Covet refuses to migrate in an RSU session).",
                                "Run it when writes are few, or change big tables with an online schema-change tool"
                                        + " (pt-online-schema-change, gh-ost) node-wide and record the migration afterwards.")
                                : Optional.empty()),
                rule("missing-lock-timeout", d -> d.equals("postgresql"), (op, before, created) ->
                        op instanceof RunSql r && locksWithoutTimeout(r)
                                ? problem("This SQL takes an ACCESS EXCLUSIVE lock; without lock_timeout it queues behind any long"
                                        + " query, and every other query on the table queues behind it.",
                                "Start the SQL with SET lock_timeout = '5s' (and retry the migration if it times out).")
                                : Optional.empty()),
                rule("sqlite-table-rebuild", d -> d.equals("sqlite"), (op, before, created) ->
                        rebuildsOnSqlite(op) && op.tables().stream().anyMatch(t -> existing(t, before, created))
                                ? problem("SQLite cannot ALTER this in place: the table is rebuilt (copied) while the database"
                                        + " is locked for writing.",
                                "Fine for small tables; for big ones run it when the app is idle.")
                                : Optional.empty()),
                new ServerFileAccessRule());
    }

    private static final Pattern EXCLUSIVE_DDL = Pattern.compile(
            "^\\s*(ALTER\\s+TABLE|DROP\\s+TABLE|CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(?!CONCURRENTLY)|TRUNCATE|LOCK\\s+TABLE)",
            Pattern.CASE_INSENSITIVE);

    /** Hand-written PostgreSQL DDL that locks a table, with no {@code lock_timeout} set before it. */
    private static boolean locksWithoutTimeout(RunSql op) {
        List<String> statements = op.sql().statementsFor("postgresql").orElse(List.of());
        for (String statement : statements) {
            if (statement.toLowerCase(Locale.ROOT).contains("lock_timeout")) {
                return false;
            }
            if (EXCLUSIVE_DDL.matcher(statement).find()) {
                return true;
            }
        }
        return false;
    }

    private interface Check {
        Optional<LintRule.Problem> check(Operation op, SchemaState before, Set<String> createdHere);
    }

    /** A rule made of its id, the dialects it concerns and its check. */
    private record SimpleRule(String id, Predicate<String> dialects, Check check) implements LintRule {
        @Override
        public boolean appliesTo(String dialect) {
            return dialects.test(dialect);
        }

        @Override
        public Optional<Problem> check(Operation operation, SchemaState before, Set<String> createdHere) {
            return check.check(operation, before, createdHere);
        }
    }

    private static LintRule rule(String id, Predicate<String> dialects, Check check) {
        return new SimpleRule(id, dialects, check);
    }

    private static Optional<LintRule.Problem> problem(String why, String instead) {
        return Optional.of(new LintRule.Problem(why, instead));
    }

    /** Whether the operation changes a table that held data before this migration (the DDL that pauses a cluster). */
    private static boolean changesExistingTable(Operation op, SchemaState before, Set<String> createdHere) {
        boolean ddl = op instanceof RunSql r ? r.sql().statementsFor("mysql").orElse(List.of()).stream()
                .anyMatch(statement -> GALERA_DDL.matcher(statement).find()) : !(op instanceof RunJava);
        return ddl && op.tables().stream().anyMatch(t -> existing(t, before, createdHere));
    }

    private static final Pattern GALERA_DDL = Pattern.compile("^\\s*(ALTER|CREATE|DROP|RENAME|TRUNCATE|OPTIMIZE)\\b",
            Pattern.CASE_INSENSITIVE);

    /** A table that existed before this migration (a table created in it holds no data yet). */
    private static boolean existing(String table, SchemaState before, Set<String> createdHere) {
        return before.hasTable(table) && !createdHere.contains(table);
    }

    private static ColumnSchema old(AlterColumn a, SchemaState before) {
        return before.table(a.table()).flatMap(t -> t.column(a.column().name())).orElse(a.previous());
    }

    /** Widening a VARCHAR (or VARCHAR to TEXT) is metadata-only; other type changes rewrite. */
    private static boolean typeChangeRewrites(AlterColumn a, SchemaState before) {
        ColumnSchema old = old(a, before);
        if (old == null || old.type().equals(a.column().type())) {
            return false;
        }
        ColumnType from = old.type();
        ColumnType to = a.column().type();
        boolean widening = from.kind() == ColumnType.Kind.VARCHAR && (to.kind() == ColumnType.Kind.TEXT
                || (to.kind() == ColumnType.Kind.VARCHAR && to.length() >= from.length()));
        return !widening;
    }

    private static boolean becomesNotNull(AlterColumn a, SchemaState before) {
        ColumnSchema old = old(a, before);
        return old != null && old.nullable() && !a.column().nullable();
    }

    private static boolean volatileDefault(ColumnSchema c) {
        if (!(c.defaultValue() instanceof ColumnDefault.Expression e)) {
            return false;
        }
        String sql = e.sql().toLowerCase(Locale.ROOT);
        return sql.contains("random") || sql.contains("uuid") || sql.contains("clock_timestamp") || sql.contains("nextval");
    }

    private static boolean rebuildsOnSqlite(Operation op) {
        return op instanceof AlterColumn || op instanceof AddForeignKey || op instanceof AddConstraint
                || op instanceof DropForeignKey
                || op instanceof DropConstraint;
    }
}
