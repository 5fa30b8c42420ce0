package dev.covet.migrations.internal.generate;

import dev.covet.migrations.operation.AddColumn;
import dev.covet.migrations.operation.AddConstraint;
import dev.covet.migrations.operation.AddForeignKey;
import dev.covet.migrations.operation.AddIndex;
import dev.covet.migrations.operation.AlterColumn;
import dev.covet.migrations.operation.CreateTable;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.DropConstraint;
import dev.covet.migrations.operation.DropForeignKey;
import dev.covet.migrations.operation.DropIndex;
import dev.covet.migrations.operation.DropTable;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.RenameColumn;
import dev.covet.migrations.operation.RenameTable;
import dev.covet.migrations.operation.RunJava;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Names and descriptions for generated migrations: {@code add_users_email},
 * {@code rename_customers_name_to_full_name}, {@code create_orders_and_more}, or {@code auto}.
 */
public final class MigrationNamer {

    /** Longest migration name written, number included, so file names stay readable. */
    public static final int MAX_NAME_LENGTH = 60;

    private MigrationNamer() {
    }

    /** A name for the operations: one operation's own, two joined with {@code _and_}, else the first {@code _and_more}. */
    public static String slug(List<Operation> operations, int room) {
        if (operations.isEmpty()) {
            return "auto";
        }
        String first = sanitize(fragment(operations.get(0)));
        String candidate = operations.size() == 1 ? first
                : operations.size() == 2 ? first + "_and_" + sanitize(fragment(operations.get(1)))
                : first + "_and_more";
        if (candidate.length() > room && operations.size() == 2) {
            candidate = first + "_and_more";
        }
        return candidate.isEmpty() || candidate.length() > room ? "auto" : candidate;
    }

    /**
     * Lower-case snake_case with only {@code [a-z0-9_]}: anything else becomes {@code _}, runs of {@code _}
     * collapse, and leading or trailing ones go.
     */
    public static String sanitize(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_").replaceAll("_+", "_");
        return s.replaceAll("^_|_$", "");
    }

    /** The name cut to {@code room} characters, without a dangling {@code _}. */
    public static String cut(String slug, int room) {
        String s = slug.length() <= room ? slug : slug.substring(0, room);
        return s.replaceAll("_+$", "");
    }

    private static String fragment(Operation op) {
        if (op instanceof CreateTable o) {
            return "create_" + o.table().name();
        }
        if (op instanceof DropTable o) {
            return "drop_" + o.table();
        }
        if (op instanceof RenameTable o) {
            return "rename_" + o.table() + "_to_" + o.newName();
        }
        if (op instanceof AddColumn o) {
            return "add_" + o.table() + "_" + o.column().name();
        }
        if (op instanceof DropColumn o) {
            return "remove_" + o.table() + "_" + o.column();
        }
        if (op instanceof AlterColumn o) {
            return "alter_" + o.table() + "_" + o.column().name();
        }
        if (op instanceof RenameColumn o) {
            return "rename_" + o.table() + "_" + o.column() + "_to_" + o.newName();
        }
        if (op instanceof AddIndex o) {
            return "add_index_" + o.index().name();
        }
        if (op instanceof DropIndex o) {
            return "drop_index_" + o.index();
        }
        if (op instanceof AddForeignKey o) {
            return "add_" + o.foreignKey().name();
        }
        if (op instanceof DropForeignKey o) {
            return "drop_" + o.foreignKey();
        }
        if (op instanceof AddConstraint o) {
            return "add_" + o.constraint().name();
        }
        if (op instanceof DropConstraint o) {
            return "drop_" + o.constraint();
        }
        if (op instanceof RunJava o) {
            return "run_" + o.migration();
        }
        return "run_sql";
    }

    /** One line per operation, for people: "Add column users.email; Drop table tags". */
    public static String describe(List<Operation> operations) {
        String text = operations.stream().map(MigrationNamer::sentence).collect(Collectors.joining("; "));
        return text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }

    private static String sentence(Operation op) {
        if (op instanceof CreateTable o) {
            return "Create table " + o.table().name();
        }
        if (op instanceof DropTable o) {
            return "Drop table " + o.table();
        }
        if (op instanceof RenameTable o) {
            return "Rename table " + o.table() + " to " + o.newName();
        }
        if (op instanceof AddColumn o) {
            return "Add column " + o.table() + "." + o.column().name();
        }
        if (op instanceof DropColumn o) {
            return "Drop column " + o.table() + "." + o.column();
        }
        if (op instanceof AlterColumn o) {
            return "Alter column " + o.table() + "." + o.column().name();
        }
        if (op instanceof RenameColumn o) {
            return "Rename column " + o.table() + "." + o.column() + " to " + o.newName();
        }
        if (op instanceof AddIndex o) {
            return "Add index " + o.index().name() + " on " + o.table();
        }
        if (op instanceof DropIndex o) {
            return "Drop index " + o.index() + " on " + o.table();
        }
        if (op instanceof AddForeignKey o) {
            return "Add foreign key " + o.foreignKey().name() + " on " + o.table();
        }
        if (op instanceof DropForeignKey o) {
            return "Drop foreign key " + o.foreignKey() + " on " + o.table();
        }
        if (op instanceof AddConstraint o) {
            return "Add constraint " + o.constraint().name() + " on " + o.table();
        }
        if (op instanceof DropConstraint o) {
            return "Drop constraint " + o.constraint() + " on " + o.table();
        }
        if (op instanceof RunJava o) {
            return "Run Java migration " + o.migration();
        }
        return "Run SQL";
    }
}
