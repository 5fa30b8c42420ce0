package dev.covet.migrations.jpa;

import dev.covet.migrations.internal.jpa.DeclaredChecks;
import dev.covet.migrations.internal.jpa.HibernateBootConstraints;
import dev.covet.migrations.internal.jpa.HibernateTypes;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.Names;
import dev.covet.migrations.schema.MappingDefaults;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the schema JPA entities need: builds Hibernate's boot {@link Metadata} for the target dialect (no
 * EntityManagerFactory, no database connection) and turns its tables into a {@link SchemaState} in the model the
 * migration files use. Generated constraint names (Hibernate's {@code FK…}/{@code UK…} hashes) are replaced by
 * readable, deterministic ones: {@code fk_<table>_<columns>}, {@code uk_<table>_<columns>}. Declared CHECK
 * constraints are read too ({@link DeclaredChecks}); unnamed ones are named {@code ck_<table>_<column>} or
 * {@code ck_<table>_<hash>}.
 *
 * <p>When the Bean Validation API is on the class path, the model also carries what Hibernate applies from it to its
 * own DDL ({@link HibernateBootConstraints}): NOT NULL from {@code @NotNull}/{@code @NotBlank}/{@code @NotEmpty},
 * lengths from {@code @Size(max)}, with Hibernate's rules and settings. The application's Hibernate settings
 * (naming, dialect, {@code jakarta.persistence.validation.mode}, ...) are honoured; those that would connect to a
 * database or create a schema are overridden: the model is always read offline. Columns and composite keys are
 * ordered by Hibernate's column ordering strategy, as its {@code create} orders them.
 */
public final class JpaModelReader {

    private final Dialect dialect;
    private final Map<String, Object> settings;

    /**
     * @param dialect the target database
     * @param settings extra Hibernate settings, e.g. the application's naming strategies and dialect
     *        ({@code hibernate.physical_naming_strategy}, {@code hibernate.dialect})
     */
    public JpaModelReader(Dialect dialect, Map<String, Object> settings) {
        this.dialect = dialect;
        this.settings = Map.copyOf(settings);
    }

    /** A reader with Hibernate's defaults and Spring Boot's physical naming (camelCase to snake_case). */
    public JpaModelReader(Dialect dialect) {
        this(dialect, Map.of());
    }

    /** The schema the entity classes map to. */
    public SchemaState read(Collection<Class<?>> entityClasses) {
        Map<String, Object> all = new HashMap<>();
        all.put("hibernate.dialect", dialect.hibernateDialect());
        all.put("hibernate.physical_naming_strategy", "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
        all.putAll(dialect.hibernateOfflineSettings());
        all.putAll(settings);
        HibernateBootConstraints.offline(all);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(all).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entityClasses.forEach(sources::addAnnotatedClass);
            Metadata metadata = sources.buildMetadata();
            HibernateBootConstraints.apply(metadata, registry);
            if (metadata instanceof MetadataImplementor implementor) {
                // Hibernate orders columns (a table's, a primary key's) by its column ordering strategy only when a
                // schema action will write DDL; do it here as its create would, under the application's strategy.
                implementor.orderColumns(true);
            }
            List<TableSchema> tables = new ArrayList<>();
            DeclaredChecks checks = new DeclaredChecks(metadata);
            Map<String, List<String>> derivedChecks = new HashMap<>();
            Map<String, Map<String, List<String>>> enumConstants = new HashMap<>();
            for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
                for (Table table : namespace.getTables()) {
                    if (table.isPhysicalTable() && !table.isView()) {
                        tables.add(table(table, metadata, checks));
                        derivedChecks.put(table.getName(), checks.derived(table));
                        enumConstants.put(table.getName(), DeclaredChecks.enumConstants(table));
                    }
                }
            }
            tables.sort(Comparator.comparing(TableSchema::name));
            return SchemaState.of(tables).withMappingDefaults(new MappingDefaults(derivedChecks, enumConstants));
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    /** The Hibernate dialect class for a Covet dialect ({@link Dialect#hibernateDialect()}). */
    public static String hibernateDialect(Dialect dialect) {
        return dialect.hibernateDialect();
    }

    private static TableSchema table(Table table, Metadata metadata, DeclaredChecks checks) {
        String name = table.getName();
        List<String> pk = table.getPrimaryKey() == null ? List.of()
                : table.getPrimaryKey().getColumns().stream().map(Column::getName).toList();
        Set<String> uniqueColumns = new HashSet<>();
        List<ConstraintSchema> constraints = new ArrayList<>();
        Map<String, UniqueKey> uniqueKeys = new TreeMap<>(table.getUniqueKeys());
        for (UniqueKey uk : uniqueKeys.values()) {
            List<String> cols = uk.getColumns().stream().map(Column::getName).toList();
            if (cols.size() == 1 && (!uk.isNameExplicit() || uk.getName().equals(Names.uniqueConstraintName(name, cols.get(0))))) {
                uniqueColumns.add(cols.get(0));
            } else {
                String ukName = uk.isNameExplicit() ? uk.getName() : Names.bounded("uk_" + name + "_" + String.join("_", cols));
                constraints.add(new ConstraintSchema(ukName, ConstraintSchema.Kind.UNIQUE, cols, null));
            }
        }
        constraints.addAll(checks.of(table));
        List<ColumnSchema> columns = new ArrayList<>();
        for (Column c : table.getColumns()) {
            String context = "column " + name + "." + c.getName();
            boolean inPk = pk.contains(c.getName());
            columns.add(ColumnSchema.of(c.getName(), HibernateTypes.parse(c.getSqlType(metadata), c.getLength(), context))
                    .withNullable(c.isNullable() && !inPk).withDefault(columnDefault(c.getDefaultValue()))
                    .withUnique(!inPk && (c.isUnique() || uniqueColumns.contains(c.getName())))
                    .withPrimaryKey(inPk && pk.size() == 1).withAutoIncrement(c.isIdentity()));
        }
        List<IndexSchema> indexes = new ArrayList<>();
        for (Index index : new TreeMap<>(table.getIndexes()).values()) {
            indexes.add(new IndexSchema(index.getName(), index.getColumns().stream().map(Column::getName).toList(),
                    index.isUnique(), null));
        }
        List<ForeignKeySchema> fks = new ArrayList<>();
        for (ForeignKey fk : table.getForeignKeys().values()) {
            if (!fk.isCreationEnabled() || fk.getReferencedTable() == null) {
                continue;
            }
            List<String> cols = fk.getColumns().stream().map(Column::getName).toList();
            List<String> refCols = fk.isReferenceToPrimaryKey() || fk.getReferencedColumns().isEmpty()
                    ? fk.getReferencedTable().getPrimaryKey().getColumns().stream().map(Column::getName).toList()
                    : fk.getReferencedColumns().stream().map(Column::getName).toList();
            String fkName = fk.getName() != null && !fk.getName().toUpperCase(Locale.ROOT).startsWith("FK")
                    ? fk.getName() : Names.foreignKeyName(name, cols);
            fks.add(new ForeignKeySchema(fkName, cols, fk.getReferencedTable().getName(), refCols,
                    fk.getOnDeleteAction() == OnDeleteAction.CASCADE ? "CASCADE"
                            : fk.getOnDeleteAction() == OnDeleteAction.SET_NULL ? "SET NULL" : null, null));
        }
        fks.sort(Comparator.comparing(ForeignKeySchema::name));
        return new TableSchema(name, columns, pk, indexes, fks, constraints);
    }

    /** {@code @ColumnDefault} text: a number, a quoted string, true/false, else a SQL expression. */
    private static ColumnDefault columnDefault(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
            return new ColumnDefault.Literal(t.substring(1, t.length() - 1).replace("''", "'"));
        }
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return new ColumnDefault.Literal(Boolean.parseBoolean(t));
        }
        try {
            return new ColumnDefault.Literal(new BigDecimal(t));
        } catch (NumberFormatException e) {
            return new ColumnDefault.Expression(t.toUpperCase(Locale.ROOT).startsWith("CURRENT_TIMESTAMP") ? "CURRENT_TIMESTAMP" : t);
        }
    }
}
