package dev.covet.migrations.internal.lint;

import dev.covet.migrations.operation.AddColumn;
import dev.covet.migrations.operation.AddConstraint;
import dev.covet.migrations.operation.AddIndex;
import dev.covet.migrations.operation.AlterColumn;
import dev.covet.migrations.operation.CreateTable;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.SchemaState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A security finding: an expression field (a CHECK {@code expression}, a {@code default: {sql: ...}} or
 * {@code fill_existing_rows}/{@code fill_null_rows: {sql: ...}}, an index {@code where}) that calls a server-side function reading or writing the database server's files or running a
 * program there ({@code lo_import}, {@code pg_read_file}, {@code COPY ... PROGRAM}, {@code LOAD_FILE},
 * {@code INTO OUTFILE}, SQLite's {@code load_extension} ...). Expression fields exist to describe the schema; a
 * migration that needs such a function is hand-written SQL (RUN_SQL) that a reviewer reads as such.
 */
final class ServerFileAccessRule implements LintRule {

    /** The rule's id, as used to silence it. */
    static final String ID = "security-server-file-access";

    private static final Pattern ACCESS = Pattern.compile(
            "\\b(lo_import|lo_export|pg_read_file|pg_read_binary_file|pg_ls_dir|pg_stat_file|pg_ls_logdir|pg_ls_waldir"
                    + "|pg_ls_tmpdir|pg_file_write|pg_file_rename|pg_file_unlink|dblink|dblink_exec|load_file"
                    + "|load_extension|readfile|writefile|sys_exec|sys_eval)\"?`?\\s*\\("
                    + "|\\bCOPY\\b[\\s\\S]*\\bPROGRAM\\b"
                    + "|\\bINTO\\s+(OUTFILE|DUMPFILE)\\b"
                    + "|\\bLOAD\\s+DATA\\b",
            Pattern.CASE_INSENSITIVE);
    /** String literals: what is inside them is data, not a call ({@code status IN ('copy', 'program')}). */
    private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|''|\\\\.)*'");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(String dialect) {
        return true;
    }

    @Override
    public Optional<Problem> check(Operation operation, SchemaState before, Set<String> createdHere) {
        for (String expression : expressions(operation)) {
            Matcher m = ACCESS.matcher(STRING.matcher(expression).replaceAll("''"));
            if (m.find()) {
                return Optional.of(new Problem("Security: the expression '" + expression + "' uses " + m.group().strip()
                        + ", which reads or writes files on the database server or runs a program there, with the"
                        + " database's privileges, every time the expression is evaluated.",
                        "Keep expression fields to the row's own values; if the migration really needs server files,"
                                + " do it once in a reviewed RUN_SQL (and suppress this finding with a reason)."));
            }
        }
        return Optional.empty();
    }

    /** The operation's expression fields. */
    static List<String> expressions(Operation operation) {
        List<String> out = new ArrayList<>();
        if (operation instanceof CreateTable c) {
            c.table().columns().forEach(col -> addDefault(out, col));
            c.table().constraints().forEach(k -> addCheck(out, k));
            c.table().indexes().forEach(i -> addWhere(out, i));
        } else if (operation instanceof AddColumn a) {
            addDefault(out, a.column());
            addExpression(out, a.fillExistingRows());
        } else if (operation instanceof AlterColumn a) {
            addDefault(out, a.column());
            addExpression(out, a.fillNullRows());
        } else if (operation instanceof AddConstraint a) {
            addCheck(out, a.constraint());
        } else if (operation instanceof AddIndex a) {
            addWhere(out, a.index());
        }
        return out;
    }

    private static void addDefault(List<String> out, ColumnSchema column) {
        addExpression(out, column.defaultValue());
    }

    /** A default-like value ({@code default}, {@code fill_existing_rows}, {@code fill_null_rows}) given as {@code {sql: ...}}. */
    private static void addExpression(List<String> out, ColumnDefault value) {
        if (value instanceof ColumnDefault.Expression e) {
            out.add(e.sql());
        }
    }

    private static void addCheck(List<String> out, ConstraintSchema constraint) {
        if (constraint.expression() != null) {
            out.add(constraint.expression());
        }
    }

    private static void addWhere(List<String> out, IndexSchema index) {
        if (index.where() != null) {
            out.add(index.where());
        }
    }
}
