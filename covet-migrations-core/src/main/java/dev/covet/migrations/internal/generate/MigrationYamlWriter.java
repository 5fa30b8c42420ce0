package dev.covet.migrations.internal.generate;

import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationPhase;
import dev.covet.migrations.operation.AddColumn;
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
import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.TableSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link Migration} as the YAML that {@link dev.covet.migrations.internal.loader.MigrationLoader} reads: snake_case
 * keys, one line per column, index or key definition, drops with their {@code previous:} definitions. Built as a
 * tree and emitted by {@link CompactYaml}, which quotes whatever could be misread.
 */
public final class MigrationYamlWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MigrationYamlWriter() {
    }

    public static String write(Migration migration) {
        ObjectNode root = NODES.objectNode();
        if (!migration.description().isBlank()) {
            root.put("description", migration.description());
        }
        String app = migration.id().app();
        if (!MigrationId.DEFAULT_APP.equals(app)) {
            root.put("app", app);
        }
        if (migration.phase() != MigrationPhase.NONE) {
            root.put("phase", migration.phase().label());
        }
        ArrayNode deps = root.putArray("dependencies");
        for (MigrationId dep : migration.dependencies()) {
            deps.add(dep.app().equals(app) ? dep.name() : dep.app() + ":" + dep.name());
        }
        ArrayNode ops = root.putArray("operations");
        migration.operations().forEach(op -> ops.add(operation(op)));
        if (migration.forwardSql() != null) {
            root.set("forward_sql", sql(migration.forwardSql()));
        }
        if (migration.backwardSql() != null) {
            root.set("backward_sql", sql(migration.backwardSql()));
        }
        if (!migration.replaces().isEmpty()) {
            ArrayNode replaces = root.putArray("replaces");
            migration.replaces().forEach(r -> replaces.add(r.app().equals(app) ? r.name() : r.app() + ":" + r.name()));
        }
        return CompactYaml.write(root);
    }

    static ObjectNode operation(Operation op) {
        ObjectNode n = NODES.objectNode();
        n.put("type", op.type());
        if (op instanceof CreateTable o) {
            writeTable(n, o.table(), true);
        } else if (op instanceof DropTable o) {
            n.put("table", o.table());
            if (o.previous() != null) {
                writeTable(n.putObject("previous"), o.previous(), false);
            }
            if (!o.backup()) {
                n.put("backup", false);
            }
        } else if (op instanceof RenameTable o) {
            n.put("table", o.table());
            n.put("new_name", o.newName());
        } else if (op instanceof AddColumn o) {
            n.put("table", o.table());
            n.set("column", column(o.column()));
            if (o.fillExistingRows() != null) {
                putDefault(n, "fill_existing_rows", o.fillExistingRows());
            }
        } else if (op instanceof DropColumn o) {
            n.put("table", o.table());
            n.put("column", o.column());
            if (o.previous() != null) {
                n.set("previous", column(o.previous()));
            }
            if (!o.backup()) {
                n.put("backup", false);
            }
        } else if (op instanceof AlterColumn o) {
            n.put("table", o.table());
            n.set("column", column(o.column()));
            if (o.previous() != null) {
                n.set("previous", column(o.previous()));
            }
            if (o.fillNullRows() != null) {
                putDefault(n, "fill_null_rows", o.fillNullRows());
            }
        } else if (op instanceof RenameColumn o) {
            n.put("table", o.table());
            n.put("column", o.column());
            n.put("new_name", o.newName());
        } else if (op instanceof AddIndex o) {
            n.put("table", o.table());
            n.set("index", index(o.index()));
        } else if (op instanceof DropIndex o) {
            n.put("table", o.table());
            n.put("index", o.index());
            if (o.previous() != null) {
                n.set("previous", index(o.previous()));
            }
        } else if (op instanceof AddForeignKey o) {
            n.put("table", o.table());
            n.set("foreign_key", foreignKey(o.foreignKey()));
        } else if (op instanceof DropForeignKey o) {
            n.put("table", o.table());
            n.put("foreign_key", o.foreignKey());
            if (o.previous() != null) {
                n.set("previous", foreignKey(o.previous()));
            }
        } else if (op instanceof AddConstraint o) {
            n.put("table", o.table());
            n.set("constraint", constraint(o.constraint()));
        } else if (op instanceof DropConstraint o) {
            n.put("table", o.table());
            n.put("constraint", o.constraint());
            if (o.previous() != null) {
                n.set("previous", constraint(o.previous()));
            }
        } else if (op instanceof RunSql o) {
            n.set("sql", sql(o.sql()));
            if (o.reverseSql() != null) {
                n.set("reverse_sql", sql(o.reverseSql()));
            }
            if (o.elidable()) {
                n.put("elidable", true);
            }
            if (o.tablesUnchanged()) {
                n.put("tables_unchanged", true);
            }
            if (o.object() != null) {
                n.put("object", o.object());
            }
        } else if (op instanceof RunJava o) {
            if (o.backwards()) {
                // A file names a Java migration to run forwards; the backwards form exists only inside rollbacks.
                throw new IllegalArgumentException("RUN_JAVA " + o.migration() + " backwards cannot be written to a file");
            }
            n.put("migration", o.migration());
            if (o.elidable()) {
                n.put("elidable", true);
            }
        }
        return n;
    }

    /**
     * A table's keys. A single-column primary key is written on its column ({@code primary_key: true}), a
     * composite one as the table's {@code primary_key} list, which keeps its column order.
     */
    private static void writeTable(ObjectNode n, TableSchema t, boolean withName) {
        if (withName) {
            n.put("table", t.name());
        }
        boolean onColumn = t.primaryKey().size() == 1;
        ArrayNode columns = n.putArray("columns");
        for (ColumnSchema c : t.columns()) {
            columns.add(column(onColumn ? c : c.withPrimaryKey(false)));
        }
        if (t.primaryKey().size() > 1) {
            strings(n.putArray("primary_key"), t.primaryKey());
        }
        if (!t.foreignKeys().isEmpty()) {
            ArrayNode fks = n.putArray("foreign_keys");
            t.foreignKeys().forEach(f -> fks.add(foreignKey(f)));
        }
        if (!t.indexes().isEmpty()) {
            ArrayNode indexes = n.putArray("indexes");
            t.indexes().forEach(i -> indexes.add(index(i)));
        }
        if (!t.constraints().isEmpty()) {
            ArrayNode constraints = n.putArray("constraints");
            t.constraints().forEach(c -> constraints.add(constraint(c)));
        }
    }

    /** A default-like value: the literal itself, or {@code {sql: expression}}. */
    private static void putDefault(ObjectNode n, String key, ColumnDefault value) {
        if (value instanceof ColumnDefault.Literal l) {
            Object v = l.value();
            if (v instanceof Boolean b) {
                n.put(key, b);
            } else if (v instanceof BigDecimal d) {
                n.put(key, d);
            } else {
                n.put(key, (String) v);
            }
        } else if (value instanceof ColumnDefault.Expression e) {
            n.putObject(key).put("sql", e.sql());
        }
    }

    /** A column, {@code nullable} always written (its default depends on {@code primary_key}), other flags when set. */
    static ObjectNode column(ColumnSchema c) {
        ObjectNode n = NODES.objectNode();
        n.put("name", c.name());
        n.put("type", c.type().sql());
        n.put("nullable", c.nullable());
        if (c.defaultValue() != null) {
            putDefault(n, "default", c.defaultValue());
        }
        if (c.unique()) {
            n.put("unique", true);
        }
        if (c.primaryKey()) {
            n.put("primary_key", true);
        }
        if (c.autoIncrement()) {
            n.put("auto_increment", true);
        }
        return n;
    }

    private static ObjectNode index(IndexSchema i) {
        ObjectNode n = NODES.objectNode();
        n.put("name", i.name());
        strings(n.putArray("columns"), i.columns());
        n.put("unique", i.unique());
        if (i.where() != null) {
            n.put("where", i.where());
        }
        return n;
    }

    private static ObjectNode foreignKey(ForeignKeySchema f) {
        ObjectNode n = NODES.objectNode();
        n.put("name", f.name());
        strings(n.putArray("columns"), f.columns());
        ObjectNode ref = n.putObject("references");
        ref.put("table", f.referencedTable());
        strings(ref.putArray("columns"), f.referencedColumns());
        if (f.onDelete() != null) {
            n.put("on_delete", f.onDelete());
        }
        if (f.onUpdate() != null) {
            n.put("on_update", f.onUpdate());
        }
        return n;
    }

    private static ObjectNode constraint(ConstraintSchema c) {
        ObjectNode n = NODES.objectNode();
        n.put("name", c.name());
        n.put("kind", c.kind().name());
        if (c.kind() == ConstraintSchema.Kind.UNIQUE) {
            strings(n.putArray("columns"), c.columns());
        } else {
            n.put("expression", c.expression());
        }
        return n;
    }

    /** Statements as a string (one), a list, or a map per dialect with {@code default} for the common ones. */
    private static JsonNode sql(DialectSql sql) {
        if (sql.perDialect().isEmpty()) {
            return sql.common().size() == 1 ? NODES.stringNode(sql.common().get(0)) : strings(NODES.arrayNode(), sql.common());
        }
        ObjectNode n = NODES.objectNode();
        for (Map.Entry<String, List<String>> e : new TreeMap<>(sql.perDialect()).entrySet()) {
            strings(n.putArray(e.getKey()), e.getValue());
        }
        if (!sql.common().isEmpty()) {
            strings(n.putArray("default"), sql.common());
        }
        return n;
    }

    private static ArrayNode strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
        return array;
    }
}
