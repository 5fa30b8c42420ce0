package dev.covet.benchmarks.workload;

import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.operation.AddColumn;
import dev.covet.migrations.operation.AddIndex;
import dev.covet.migrations.operation.AlterColumn;
import dev.covet.migrations.operation.CreateTable;
import dev.covet.migrations.operation.DialectSql;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.DropIndex;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.RunSql;
import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;

/**
 * A deterministic history of migrations of the kinds a real application accumulates: tables with primary and
 * foreign keys, added, dropped and relaxed columns, created and dropped indexes, seed INSERTs and UPDATE backfills.
 * The same seed gives the same operations; the dialect only changes how data values are written as literals.
 *
 * <p>UPDATE backfills are marked {@code elidable} (one-off data fixes, as Django marks them), so a squash may drop
 * them; seed INSERTs are not.
 */
public final class WorkloadGenerator {

    private static final ColumnType[] TYPES = {
            ColumnType.varchar(100), ColumnType.of(ColumnType.Kind.INTEGER), ColumnType.of(ColumnType.Kind.BIGINT),
            ColumnType.of(ColumnType.Kind.BOOLEAN), ColumnType.decimal(10, 2), ColumnType.of(ColumnType.Kind.TIMESTAMP),
            ColumnType.of(ColumnType.Kind.TEXT), ColumnType.varchar(40)};

    private final Random random;
    private final Dialect dialect;
    private SchemaState state = SchemaState.empty();
    private final List<String> tables = new ArrayList<>();
    private final Map<String, Integer> rows = new HashMap<>();
    private final Map<String, Integer> columnCounter = new HashMap<>();
    /** Indexes a migration added (not the ones backing foreign keys, which MySQL needs), so they may be dropped. */
    private final Map<String, List<String>> droppableIndexes = new HashMap<>();

    /**
     * @param seed the random seed: same seed, same history
     * @param dialect the dialect whose literals the data statements use
     */
    public WorkloadGenerator(long seed, Dialect dialect) {
        this.random = new Random(seed);
        this.dialect = dialect;
    }

    /** The first {@code count} migrations of the history. */
    public List<GeneratedMigration> generate(int count) {
        List<GeneratedMigration> out = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            List<Operation> ops = new ArrayList<>();
            String slug = step(n, ops);
            if (random.nextInt(5) == 0) {
                step(n, ops);
            }
            out.add(new GeneratedMigration(n, slug, ops));
        }
        return out;
    }

    /** Adds one operation (applied to the state) and returns a slug describing it. */
    private String step(int n, List<Operation> ops) {
        int roll = n <= 10 ? 0 : random.nextInt(100);
        Operation op = null;
        String slug = null;
        if (roll < 18) {
            slug = "create_" + createTable(ops);
        } else if (roll < 38) {
            op = addColumn();
        } else if (roll < 45) {
            op = dropColumn();
        } else if (roll < 52) {
            op = relaxColumn();
        } else if (roll < 64) {
            op = addIndex();
        } else if (roll < 69) {
            op = dropIndex();
        } else if (roll < 85) {
            op = insertRows();
        } else {
            op = updateRows();
        }
        if (slug != null) {
            return slug;
        }
        if (op == null) {
            // Nothing fit (e.g. no column to drop): a seed INSERT always fits.
            op = insertRows();
        }
        apply(ops, op);
        return slugOf(op);
    }

    private void apply(List<Operation> ops, Operation op) {
        state = op.applyTo(state);
        ops.add(op);
    }

    private String createTable(List<Operation> ops) {
        String name = String.format("t%03d", tables.size() + 1);
        List<ColumnSchema> columns = new ArrayList<>();
        columns.add(ColumnSchema.of("id", ColumnType.of(ColumnType.Kind.BIGINT)).notNull().asPrimaryKey());
        columns.add(ColumnSchema.of("name", ColumnType.varchar(100)).notNull().withDefault(new ColumnDefault.Literal("")));
        int extra = 1 + random.nextInt(4);
        for (int i = 0; i < extra; i++) {
            columns.add(newColumn(name));
        }
        List<ForeignKeySchema> fks = new ArrayList<>();
        List<IndexSchema> indexes = new ArrayList<>();
        if (!tables.isEmpty() && random.nextBoolean()) {
            String parent = tables.get(random.nextInt(tables.size()));
            String col = parent + "_id";
            columns.add(ColumnSchema.of(col, ColumnType.of(ColumnType.Kind.BIGINT)));
            fks.add(new ForeignKeySchema("fk_" + name + "_" + parent, List.of(col), parent, List.of("id"), null, null));
            indexes.add(new IndexSchema("ix_" + name + "_" + col, List.of(col), false, null));
        }
        apply(ops, new CreateTable(new TableSchema(name, columns, List.of("id"), indexes, fks, List.of())));
        tables.add(name);
        rows.put(name, 0);
        return name;
    }

    private ColumnSchema newColumn(String table) {
        int number = columnCounter.merge(table, 1, Integer::sum);
        ColumnType type = TYPES[random.nextInt(TYPES.length)];
        String name = String.format("c%02d", number);
        boolean canDefault = type.kind() != ColumnType.Kind.TEXT && type.kind() != ColumnType.Kind.TIMESTAMP;
        if (canDefault && random.nextInt(10) < 3) {
            return ColumnSchema.of(name, type).notNull().withDefault(new ColumnDefault.Literal(defaultValue(type)));
        }
        return ColumnSchema.of(name, type);
    }

    private static Object defaultValue(ColumnType type) {
        return switch (type.kind()) {
            case BOOLEAN -> Boolean.FALSE;
            case INTEGER, BIGINT -> 0;
            case DECIMAL -> BigDecimal.ZERO;
            default -> "";
        };
    }

    private Operation addColumn() {
        String table = randomTable();
        return new AddColumn(table, newColumn(table));
    }

    private Operation dropColumn() {
        String table = randomTable();
        TableSchema t = state.table(table).orElseThrow();
        List<ColumnSchema> candidates = t.columns().stream().filter(c -> c.name().matches("c\\d+"))
                .filter(c -> t.indexes().stream().noneMatch(i -> i.columns().contains(c.name()))).toList();
        if (candidates.isEmpty()) {
            return null;
        }
        ColumnSchema c = candidates.get(random.nextInt(candidates.size()));
        return new DropColumn(table, c.name(), c);
    }

    /** DROP NOT NULL: the most common ALTER COLUMN in real histories. */
    private Operation relaxColumn() {
        String table = randomTable();
        TableSchema t = state.table(table).orElseThrow();
        List<ColumnSchema> candidates = t.columns().stream().filter(c -> !c.nullable() && !c.primaryKey()).toList();
        if (candidates.isEmpty()) {
            return null;
        }
        ColumnSchema c = candidates.get(random.nextInt(candidates.size()));
        return new AlterColumn(table, c.withNullable(true), c);
    }

    private Operation addIndex() {
        String table = randomTable();
        TableSchema t = state.table(table).orElseThrow();
        // TEXT cannot be indexed on MySQL without a prefix length.
        List<ColumnSchema> candidates = t.columns().stream()
                .filter(c -> !c.primaryKey() && c.type().kind() != ColumnType.Kind.TEXT)
                .filter(c -> t.indexes().stream().noneMatch(i -> i.columns().equals(List.of(c.name())))).toList();
        if (candidates.isEmpty()) {
            return null;
        }
        ColumnSchema c = candidates.get(random.nextInt(candidates.size()));
        String name = "idx_" + table + "_" + c.name();
        droppableIndexes.computeIfAbsent(table, k -> new ArrayList<>()).add(name);
        return new AddIndex(table, new IndexSchema(name, List.of(c.name()), false, null));
    }

    private Operation dropIndex() {
        List<String> withIndexes = tables.stream().filter(t -> !droppableIndexes.getOrDefault(t, List.of()).isEmpty()).toList();
        if (withIndexes.isEmpty()) {
            return null;
        }
        String table = withIndexes.get(random.nextInt(withIndexes.size()));
        List<String> names = droppableIndexes.get(table);
        String name = names.remove(random.nextInt(names.size()));
        return new DropIndex(table, name, state.table(table).orElseThrow().index(name).orElseThrow());
    }

    private Operation insertRows() {
        String table = randomTable();
        TableSchema t = state.table(table).orElseThrow();
        int first = rows.get(table) + 1;
        int count = 5;
        StringJoiner columns = new StringJoiner(", ", "(", ")");
        t.columns().forEach(c -> columns.add(dialect.quote(c.name())));
        StringJoiner values = new StringJoiner(", ");
        for (int id = first; id < first + count; id++) {
            StringJoiner row = new StringJoiner(", ", "(", ")");
            for (ColumnSchema c : t.columns()) {
                row.add(c.name().equals("id") ? Integer.toString(id) : valueFor(t, c));
            }
            values.add(row.toString());
        }
        rows.put(table, first + count - 1);
        String sql = "INSERT INTO " + dialect.quote(table) + " " + columns + " VALUES " + values;
        return new RunSql(DialectSql.of(List.of(sql)), null, false);
    }

    private String valueFor(TableSchema t, ColumnSchema c) {
        for (ForeignKeySchema fk : t.foreignKeys()) {
            if (fk.columns().contains(c.name())) {
                int parentRows = rows.getOrDefault(fk.referencedTable(), 0);
                return parentRows == 0 ? "NULL" : Integer.toString(1 + random.nextInt(parentRows));
            }
        }
        return literal(c.type());
    }

    private String literal(ColumnType type) {
        return switch (type.kind()) {
            case BOOLEAN -> dialect.literal(random.nextBoolean());
            case INTEGER, BIGINT -> dialect.literal(random.nextInt(100_000));
            case DECIMAL -> dialect.literal(BigDecimal.valueOf(random.nextInt(1_000_000), 2));
            case TIMESTAMP -> dialect.literal(String.format("2024-%02d-%02d 10:%02d:00", 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(60)));
            case VARCHAR -> dialect.literal("v" + Integer.toString(random.nextInt(1 << 30), 36));
            default -> dialect.literal("text " + Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
        };
    }

    private Operation updateRows() {
        List<String> filled = tables.stream().filter(t -> rows.get(t) > 0).toList();
        if (filled.isEmpty()) {
            return null;
        }
        String table = filled.get(random.nextInt(filled.size()));
        TableSchema t = state.table(table).orElseThrow();
        List<ColumnSchema> candidates = t.columns().stream().filter(c -> c.name().matches("c\\d+")).toList();
        if (candidates.isEmpty()) {
            return null;
        }
        ColumnSchema c = candidates.get(random.nextInt(candidates.size()));
        String sql = "UPDATE " + dialect.quote(table) + " SET " + dialect.quote(c.name()) + " = " + literal(c.type())
                + " WHERE " + dialect.quote("id") + " <= " + (1 + random.nextInt(rows.get(table)));
        return new RunSql(DialectSql.of(List.of(sql)), null, true);
    }

    private String randomTable() {
        return tables.get(random.nextInt(tables.size()));
    }

    private static String slugOf(Operation op) {
        if (op instanceof AddColumn a) {
            return "add_" + a.table() + "_" + a.column().name();
        }
        if (op instanceof DropColumn d) {
            return "drop_" + d.table() + "_" + d.column();
        }
        if (op instanceof AlterColumn a) {
            return "relax_" + a.table() + "_" + a.column().name();
        }
        if (op instanceof AddIndex a) {
            return "index_" + a.index().name();
        }
        if (op instanceof DropIndex d) {
            return "drop_" + d.index();
        }
        return op instanceof RunSql r && r.elidable() ? "backfill" : "seed";
    }
}
