package dev.covet.migrations.internal.loader;

import dev.covet.migrations.loader.MigrationFileException;
import dev.covet.migrations.operation.AddColumn;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.operation.AddConstraint;
import dev.covet.migrations.operation.AddForeignKey;
import dev.covet.migrations.operation.AddIndex;
import dev.covet.migrations.operation.AlterColumn;
import dev.covet.migrations.operation.CreateTable;
import dev.covet.migrations.operation.DialectSql;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.DropConstraint;
import dev.covet.migrations.operation.DropForeignKey;
import dev.covet.migrations.operation.DropIndex;
import dev.covet.migrations.operation.DropTable;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.RenameColumn;
import dev.covet.migrations.operation.RenameTable;
import dev.covet.migrations.operation.RunJava;
import dev.covet.migrations.operation.RunSql;
import dev.covet.migrations.schema.TableSchema;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads one entry of {@code operations}: its {@code type} decides which keys it takes. */
final class OperationReader {

    /** Dialect names a per-dialect SQL map may use; {@code default} is the fallback for the others. */
    static final Set<String> SQL_KEYS = Set.of("postgresql", "mysql", "sqlite", "default");

    private OperationReader() {
    }

    static Operation read(Fields f) {
        String type = f.requireString("type").trim().toUpperCase(Locale.ROOT);
        switch (type) {
            case "CREATE_TABLE":
                f.allowOnly(Set.of("type", "table", "columns", "primary_key", "foreign_keys", "indexes", "constraints"));
                return new CreateTable(DefinitionReader.table(without(f, "type"), "table"));
            case "DROP_TABLE":
                f.allowOnly(Set.of("type", "table", "previous", "backup"));
                return new DropTable(DefinitionReader.identifier(f, "table"),
                        f.has("previous") ? previousTable(f) : null, f.optBoolean("backup", true));
            case "RENAME_TABLE":
                f.allowOnly(Set.of("type", "table", "new_name"));
                return new RenameTable(DefinitionReader.identifier(f, "table"), DefinitionReader.identifier(f, "new_name"));
            case "ADD_COLUMN":
                f.allowOnly(Set.of("type", "table", "column", "fill_existing_rows"));
                ColumnSchema added = DefinitionReader.column(f.object("column"));
                return new AddColumn(DefinitionReader.identifier(f, "table"), added,
                        DefinitionReader.columnDefault(f, "fill_existing_rows", added.type()));
            case "DROP_COLUMN":
                f.allowOnly(Set.of("type", "table", "column", "previous", "backup"));
                return new DropColumn(DefinitionReader.identifier(f, "table"), DefinitionReader.identifier(f, "column"),
                        f.has("previous") ? DefinitionReader.column(f.object("previous")) : null, f.optBoolean("backup", true));
            case "ALTER_COLUMN":
                f.allowOnly(Set.of("type", "table", "column", "previous", "fill_null_rows"));
                ColumnSchema altered = DefinitionReader.column(f.object("column"));
                return new AlterColumn(DefinitionReader.identifier(f, "table"), altered,
                        f.has("previous") ? DefinitionReader.column(f.object("previous")) : null,
                        DefinitionReader.columnDefault(f, "fill_null_rows", altered.type()));
            case "RENAME_COLUMN":
                f.allowOnly(Set.of("type", "table", "column", "new_name"));
                return new RenameColumn(DefinitionReader.identifier(f, "table"), DefinitionReader.identifier(f, "column"),
                        DefinitionReader.identifier(f, "new_name"));
            case "ADD_INDEX":
                f.allowOnly(Set.of("type", "table", "index"));
                return new AddIndex(DefinitionReader.identifier(f, "table"), DefinitionReader.index(f.object("index")));
            case "DROP_INDEX":
                f.allowOnly(Set.of("type", "table", "index", "previous"));
                return new DropIndex(DefinitionReader.identifier(f, "table"), DefinitionReader.identifier(f, "index"),
                        f.has("previous") ? DefinitionReader.index(f.object("previous")) : null);
            case "ADD_FOREIGN_KEY":
                f.allowOnly(Set.of("type", "table", "foreign_key"));
                return new AddForeignKey(DefinitionReader.identifier(f, "table"),
                        DefinitionReader.foreignKey(f.object("foreign_key")));
            case "DROP_FOREIGN_KEY":
                f.allowOnly(Set.of("type", "table", "foreign_key", "previous"));
                return new DropForeignKey(DefinitionReader.identifier(f, "table"), DefinitionReader.identifier(f, "foreign_key"),
                        f.has("previous") ? DefinitionReader.foreignKey(f.object("previous")) : null);
            case "ADD_CONSTRAINT":
                f.allowOnly(Set.of("type", "table", "constraint"));
                return new AddConstraint(DefinitionReader.identifier(f, "table"),
                        DefinitionReader.constraint(f.object("constraint")));
            case "DROP_CONSTRAINT":
                f.allowOnly(Set.of("type", "table", "constraint", "previous"));
                return new DropConstraint(DefinitionReader.identifier(f, "table"), DefinitionReader.identifier(f, "constraint"),
                        f.has("previous") ? DefinitionReader.constraint(f.object("previous")) : null);
            case "RUN_SQL":
                f.allowOnly(Set.of("type", "sql", "reverse_sql", "elidable", "tables_unchanged", "object"));
                return new RunSql(requireSql(f, "sql"), f.has("reverse_sql") ? sql(f, "reverse_sql") : null,
                        f.optBoolean("elidable", false), f.optBoolean("tables_unchanged", false),
                        f.has("object") ? f.requireString("object") : null);
            case "RUN_JAVA":
                f.allowOnly(Set.of("type", "migration", "elidable"));
                return new RunJava(DefinitionReader.identifier(f, "migration"), f.optBoolean("elidable", false));
            default:
                throw f.error("type", "unknown operation type '" + type + "' (CREATE_TABLE, DROP_TABLE, RENAME_TABLE,"
                        + " ADD_COLUMN, DROP_COLUMN, ALTER_COLUMN, RENAME_COLUMN, ADD_INDEX, DROP_INDEX, ADD_FOREIGN_KEY,"
                        + " DROP_FOREIGN_KEY, ADD_CONSTRAINT, DROP_CONSTRAINT, RUN_SQL, RUN_JAVA)");
        }
    }

    /** {@code previous:} of DROP_TABLE: the table definition the generator wrote, with {@code table} implied. */
    private static TableSchema previousTable(Fields f) {
        Fields previous = f.object("previous");
        previous.allowOnly(Set.of("columns", "primary_key", "foreign_keys", "indexes", "constraints"));
        var columns = DefinitionReader.columns(previous, "columns");
        var table = new TableSchema(DefinitionReader.identifier(f, "table"), columns,
                DefinitionReader.identifiers(previous, "primary_key"),
                previous.objects("indexes").stream().map(DefinitionReader::index).toList(),
                previous.objects("foreign_keys").stream().map(DefinitionReader::foreignKey).toList(),
                previous.objects("constraints").stream().map(DefinitionReader::constraint).toList());
        if (columns.isEmpty()) {
            throw previous.error("columns", "a table needs at least one column");
        }
        return table;
    }

    /** The CREATE_TABLE keys without {@code type}, for the table reader's key check. */
    private static Fields without(Fields f, String key) {
        return f.withoutKey(key);
    }

    static DialectSql requireSql(Fields f, String key) {
        DialectSql sql = sql(f, key);
        if (sql == null || (sql.common().isEmpty() && sql.perDialect().isEmpty())) {
            throw f.error(key, "is required (a statement, a list of statements, or a map per dialect)");
        }
        return sql;
    }

    /** A statement, a list of statements, or a map {@code postgresql|mysql|sqlite|default -> statements}. */
    static DialectSql sql(Fields f, String key) {
        JsonNode v = f.raw(key);
        if (v == null) {
            return null;
        }
        if (v.isObject()) {
            Fields map = f.object(key).allowOnly(SQL_KEYS);
            Map<String, List<String>> perDialect = new LinkedHashMap<>();
            for (String dialect : SQL_KEYS) {
                if (!dialect.equals("default") && map.has(dialect)) {
                    perDialect.put(dialect, nonBlank(map, dialect));
                }
            }
            return new DialectSql(map.has("default") ? nonBlank(map, "default") : List.of(), perDialect);
        }
        return DialectSql.of(nonBlank(f, key));
    }

    /**
     * The statements of a string or list, each string split as a {@code .sql} file is: a string with several
     * statements runs every one of them on every database (SQLite's driver would run only the first).
     */
    private static List<String> nonBlank(Fields f, String key) {
        List<String> texts = f.stringList(key);
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String field = f.path(key) + (f.raw(key).isArray() ? "[" + i + "]" : "");
            List<SqlScriptSplitter.Statement> split;
            try {
                split = SqlScriptSplitter.statements(texts.get(i));
            } catch (SqlScanner.UnclearSqlException e) {
                throw new MigrationFileException(f.file(), field, "line " + e.line() + " of the SQL: " + e.problem());
            }
            for (SqlScriptSplitter.Statement s : split) {
                Optional<String> control = TransactionControl.in(s.sql());
                if (control.isPresent()) {
                    throw new MigrationFileException(f.file(), field, "line " + s.line() + " of the SQL: "
                            + TransactionControl.problem(control.get()));
                }
                statements.add(s.sql());
            }
        }
        if (statements.isEmpty()) {
            throw f.error(key, "has no statements");
        }
        return statements;
    }
}
