package dev.covet.migrations.diff;

import dev.covet.migrations.internal.diff.NameSimilarity;
import dev.covet.migrations.internal.diff.RenameScore;
import dev.covet.migrations.operation.AddColumn;
import dev.covet.migrations.operation.AlterColumn;
import dev.covet.migrations.operation.CreateTable;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.DropTable;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.RenameColumn;
import dev.covet.migrations.operation.RenameTable;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RenameDetectorTests {

    private static final ColumnType VARCHAR = ColumnType.varchar(255);

    private static ColumnSchema col(String name) {
        return ColumnSchema.of(name, VARCHAR);
    }

    private static ColumnSchema col(String name, ColumnType type) {
        return ColumnSchema.of(name, type);
    }

    /** The operations for "old column dropped, new column added" in table users, after detection. */
    private static List<Operation> detect(RenameDetector detector, ColumnSchema old, ColumnSchema neu) {
        return detector.detectRenames(List.of(new DropColumn("users", old.name(), old), new AddColumn("users", neu)));
    }

    private static boolean isRename(RenameDetector detector, String oldName, String newName) {
        List<Operation> ops = detect(detector, col(oldName), col(newName));
        return ops.equals(List.of(new RenameColumn("users", oldName, newName)));
    }

    @Test
    void seedHighConfidenceExamplesAreRenamesAtTheDefaultThreshold() {
        assertThat(isRename(new RenameDetector(), "name", "username")).isTrue();
        assertThat(isRename(new RenameDetector(), "email", "email_address")).isTrue();
        assertThat(isRename(new RenameDetector(), "created", "created_at")).isTrue();
    }

    @Test
    void statusToStateIsARenameOnlyWithTheLoweredThreshold() {
        assertThat(isRename(new RenameDetector(), "status", "state")).isFalse();
        assertThat(isRename(new RenameDetector(0.70, false, 10, true), "status", "state")).isTrue();
        assertThat(RenameScore.column(col("status"), col("state"))).isBetween(0.70, 0.80);
    }

    @Test
    void idToUserIdentifierIsNeverARename() {
        assertThat(isRename(new RenameDetector(), "id", "user_identifier")).isFalse();
        assertThat(isRename(new RenameDetector(0.70, false, 20, true), "id", "user_identifier")).isFalse();
        assertThat(NameSimilarity.containment("id", "user_identifier")).isZero();
    }

    @Test
    void nameScoresExplainTheExamples() {
        assertThat(NameSimilarity.levenshtein("name", "username")).isEqualTo(0.5);
        assertThat(NameSimilarity.score("name", "username")).isEqualTo(NameSimilarity.AFFIX_CONTAINMENT);
        assertThat(NameSimilarity.score("email", "email_address")).isEqualTo(NameSimilarity.TOKEN_CONTAINMENT);
        assertThat(NameSimilarity.score("user_name", "userName")).isEqualTo(NameSimilarity.SAME_IGNORING_SEPARATORS);
        assertThat(NameSimilarity.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void notRenamedWhenNothingIsAlike() {
        List<Operation> ops = detect(new RenameDetector(), col("color"), col("weight", ColumnType.of(ColumnType.Kind.INTEGER)));
        assertThat(ops).hasSize(2).first().isInstanceOf(DropColumn.class);
    }

    @Test
    void aRenameWithAChangedDefinitionIsFollowedByAnAlter() {
        ColumnSchema old = col("email", ColumnType.varchar(100));
        ColumnSchema neu = col("email_address", ColumnType.varchar(255)).withNullable(false);
        List<Operation> ops = detect(new RenameDetector(), old, neu);
        assertThat(ops).containsExactly(new RenameColumn("users", "email", "email_address"),
                new AlterColumn("users", neu, old.withName("email_address")));
    }

    @Test
    void pairingIsOneToOneBestScoreFirst() {
        RenameDetector detector = new RenameDetector();
        List<ColumnRename> renames = detector.matchColumns("users", "users",
                List.of(col("email"), col("name")), List.of(col("email_address"), col("email_addr"), col("username")));
        assertThat(renames).extracting(ColumnRename::oldName, ColumnRename::newName)
                .containsExactlyInAnyOrder(Tuple.tuple("email", "email_address"),
                        Tuple.tuple("name", "username"));
        // email -> email_addr passed too but lost to the better email_address.
        assertThat(detector.getStats().renamesDetected()).isEqualTo(2);
        assertThat(detector.getStats().falsePositivesPrevented()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void twoDroppedColumnsNeverGoToOneAddedColumn() {
        List<ColumnRename> renames = new RenameDetector().matchColumns("t", "t",
                List.of(col("created"), col("create")), List.of(col("created_at")));
        assertThat(renames).hasSize(1);
        assertThat(renames.get(0).oldName()).isEqualTo("created");
    }

    @Test
    void manualRenameWinsWhateverTheScore() {
        RenameDetector detector = new RenameDetector().addManualRename("users", "legacy_field", "new_field_name");
        assertThat(detect(detector, col("legacy_field"), col("new_field_name", ColumnType.of(ColumnType.Kind.TEXT))))
                .containsExactly(new RenameColumn("users", "legacy_field", "new_field_name"),
                        new AlterColumn("users", col("new_field_name", ColumnType.of(ColumnType.Kind.TEXT)),
                                col("new_field_name")));
        assertThat(detector.getStats().renamesDetected()).isEqualTo(1);
    }

    @Test
    void manualRenameAppliesWithDetectionDisabled() {
        RenameDetector detector = new RenameDetector(0.8, false, 10, false).addManualRename("users", "a", "b");
        assertThat(detect(detector, col("a"), col("b"))).containsExactly(new RenameColumn("users", "a", "b"));
    }

    @Test
    void detectionDisabledLeavesDropsAndAdds() {
        RenameDetector detector = new RenameDetector(0.8, false, 10, false);
        assertThat(detect(detector, col("name"), col("username"))).hasSize(2);
        assertThat(detector.getStats()).isEqualTo(new RenameStats(0, 0));
    }

    @Test
    void requireTypeMatchRejectsATypeChangeAndCountsIt() {
        ColumnSchema old = col("email", ColumnType.varchar(100));
        ColumnSchema neu = col("email_address", ColumnType.varchar(255));
        assertThat(detect(new RenameDetector(), old, neu).get(0)).isInstanceOf(RenameColumn.class);
        RenameDetector strict = new RenameDetector(0.8, true, 10, true);
        assertThat(detect(strict, old, neu)).hasSize(2).first().isInstanceOf(DropColumn.class);
        assertThat(strict.getStats()).isEqualTo(new RenameStats(0, 1));
    }

    @Test
    void incompatibleTypesLowerTheConfidence() {
        RenameDetector detector = new RenameDetector();
        assertThat(detect(detector, col("name"), col("username", ColumnType.of(ColumnType.Kind.INTEGER)))).hasSize(2);
        assertThat(detector.getStats()).isEqualTo(new RenameStats(0, 1));
    }

    @Test
    void maxLengthDiffRejectsVeryDifferentLengths() {
        RenameDetector tight = new RenameDetector(0.8, false, 5, true);
        assertThat(detect(tight, col("email"), col("email_address"))).hasSize(2);
        assertThat(tight.getStats().falsePositivesPrevented()).isEqualTo(1);
        assertThat(detect(tight, col("name"), col("username"))).hasSize(1);
    }

    @Test
    void stillUsesTheSchemaWhenADropCarriesNoDefinition() {
        SchemaState from = SchemaState.of(List.of(TableSchema.of("users", List.of(col("name")))));
        List<Operation> ops = new RenameDetector().detectRenames(
                List.of(new DropColumn("users", "name", null), new AddColumn("users", col("username"))), from);
        assertThat(ops).containsExactly(new RenameColumn("users", "name", "username"));
    }

    @Test
    void aRenamedEntityIsATableRename() {
        List<ColumnSchema> columns = List.of(ColumnSchema.of("id", ColumnType.of(ColumnType.Kind.BIGINT)).notNull().asPrimaryKey().autoIncremented(),
                col("name"), col("email"));
        TableSchema old = TableSchema.of("customer", columns);
        TableSchema neu = TableSchema.of("customers", columns);
        RenameDetector detector = new RenameDetector();
        List<Operation> ops = detector.detectRenames(List.of(new DropTable("customer", old), new CreateTable(neu)));
        assertThat(ops).containsExactly(new RenameTable("customer", "customers"));
        assertThat(detector.getStats().renamesDetected()).isEqualTo(1);
    }

    @Test
    void tablesWithOtherColumnsAreNotRenames() {
        TableSchema old = TableSchema.of("customer", List.of(col("name"), col("email")));
        TableSchema neu = TableSchema.of("customers", List.of(col("title"), col("price", ColumnType.decimal(10, 2))));
        assertThat(new RenameDetector().matchTables(List.of(old), List.of(neu))).isEmpty();
    }

    @Test
    void unrelatedTableNamesWithTheSameColumnsAreNotRenames() {
        List<ColumnSchema> columns = List.of(col("id", ColumnType.of(ColumnType.Kind.BIGINT)), col("name"));
        assertThat(new RenameDetector().matchTables(List.of(TableSchema.of("tags", columns)),
                List.of(TableSchema.of("warehouses", columns)))).isEmpty();
    }

    @Test
    void manualTableRename() {
        List<ColumnSchema> columns = List.of(col("id", ColumnType.of(ColumnType.Kind.BIGINT)), col("name"));
        RenameDetector detector = new RenameDetector().addManualTableRename("tags", "labels");
        assertThat(detector.matchTables(List.of(TableSchema.of("tags", columns)), List.of(TableSchema.of("labels", columns))))
                .containsExactly(new TableRename("tags", "labels", 1.0, true));
    }

    @Test
    void aRenamedTableWithARenamedColumn() {
        TableSchema old = TableSchema.of("customer", List.of(col("id", ColumnType.of(ColumnType.Kind.BIGINT)), col("name"),
                col("email"), col("phone"), col("city")));
        TableSchema neu = TableSchema.of("customers", List.of(col("id", ColumnType.of(ColumnType.Kind.BIGINT)), col("name"),
                col("email_address"), col("phone"), col("city")));
        List<Operation> ops = new RenameDetector().detectRenames(List.of(new DropTable("customer", old), new CreateTable(neu)));
        assertThat(ops).containsExactly(new RenameTable("customer", "customers"),
                new RenameColumn("customers", "email", "email_address"));
    }
}
