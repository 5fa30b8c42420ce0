package dev.covet.migrations.operation;

import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.SchemaException;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** ADD_FOREIGN_KEY. */
public record AddForeignKey(String table, ForeignKeySchema foreignKey) implements Operation {

    @Override
    public String type() {
        return "ADD_FOREIGN_KEY";
    }

    @Override
    public SchemaState applyTo(SchemaState before) {
        TableSchema t = before.requireTable(table);
        if (t.foreignKey(foreignKey.name()).isPresent()) {
            throw new SchemaException("foreign key '" + foreignKey.name() + "' already exists on '" + table + "'");
        }
        if (!foreignKey.referencedTable().equals(table)) {
            before.requireTable(foreignKey.referencedTable());
        }
        List<ForeignKeySchema> fks = new ArrayList<>(t.foreignKeys());
        fks.add(foreignKey);
        return before.withTable(t.withForeignKeys(fks));
    }

    @Override
    public List<Operation> reverse(SchemaState before) {
        return List.of(new DropForeignKey(table, foreignKey.name(), foreignKey));
    }

    @Override
    public Set<String> tables() {
        return Set.of(table, foreignKey.referencedTable());
    }
}
