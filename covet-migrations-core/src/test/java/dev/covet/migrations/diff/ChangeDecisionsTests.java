package dev.covet.migrations.diff;

import dev.covet.migrations.operation.AddColumn;
import dev.covet.migrations.operation.AlterColumn;
import dev.covet.migrations.operation.CreateTable;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.DropTable;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.RenameColumn;
import dev.covet.migrations.operation.RenameTable;
import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Candidates come from types and structure, never from names; each below the threshold is decided by a flag, the
 * console, or left open.
 */
class ChangeDecisionsTests {

    private static final ColumnType BIGINT = ColumnType.of(ColumnType.Kind.BIGINT);

    /** Answers from a script, and remembers what was asked. */
    private static final class ScriptedPrompter implements Prompter {
        final Deque<String> answers;
        final List<String> asked = new ArrayList<>();

        ScriptedPrompter(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public boolean confirm(String question) {
            asked.add(question);
            return answers.removeFirst().equals("y");
        }

        @Override
        public Optional<String> ask(String question) {
            asked.add(question);
            return Optional.of(answers.removeFirst());
        }

        @Override
        public void tell(String message) {
            asked.add(message);
        }
    }

    private static ColumnSchema id() {
        return ColumnSchema.of("id", BIGINT).notNull().asPrimaryKey().autoIncremented();
    }

    private static TableSchema owners(ColumnSchema... extra) {
        List<ColumnSchema> columns = new ArrayList<>(List.of(id()));
        columns.addAll(List.of(extra));
        return new TableSchema("owners", columns, List.of("id"), List.of(), List.of(), List.of());
    }

    private static List<Operation> diff(SchemaState from, SchemaState to, ChangeDecisions decisions) {
        return new DiffEngine(new RenameDetector().decideWith(decisions)).generateDiff(from, to);
    }

    private static final SchemaState TELEPHONE = SchemaState.of(List.of(owners(ColumnSchema.of("telephone", ColumnType.varchar(30)))));
    private static final SchemaState PHONE_NUMBER = SchemaState.of(List.of(owners(ColumnSchema.of("phone_number", ColumnType.varchar(30)))));

    @Test
    void aColumnRenameSharingNoTextIsAskedNotGuessed() {
        ScriptedPrompter yes = new ScriptedPrompter("y");
        ChangeDecisions decisions = ChangeDecisions.of(List.of(), List.of(), List.of(), yes);
        assertThat(diff(TELEPHONE, PHONE_NUMBER, decisions)).containsExactly(new RenameColumn("owners", "telephone", "phone_number"));
        assertThat(yes.asked).containsExactly("Did you rename owners.telephone to owners.phone_number (VARCHAR(30))?");
        assertThat(decisions.notes()).containsExactly("owners.telephone -> owners.phone_number: renamed (answered on the console)");

        ScriptedPrompter no = new ScriptedPrompter("n");
        List<Operation> ops = diff(TELEPHONE, PHONE_NUMBER, ChangeDecisions.of(List.of(), List.of(), List.of(), no));
        assertThat(ops).hasSize(2).anySatisfy(op -> assertThat(op).isInstanceOf(DropColumn.class))
                .anySatisfy(op -> assertThat(op).isInstanceOf(AddColumn.class));
    }

    @Test
    void withoutConsoleTheCandidateStaysOpenWithTheFlagsThatSettleIt() {
        ChangeDecisions decisions = ChangeDecisions.nonInteractive();
        diff(TELEPHONE, PHONE_NUMBER, decisions);
        assertThat(decisions.undecided()).singleElement().satisfies(u -> {
            assertThat(u.description()).contains("owners.telephone -> owners.phone_number");
            assertThat(u.flags()).containsExactly("--rename owners.telephone=phone_number", "--no-rename owners.telephone=phone_number");
        });
    }

    @Test
    void flagsSettleWithoutQuestionsAndNoRenameOverrulesTheScores() {
        ChangeDecisions renamed = ChangeDecisions.of(List.of("owners.telephone=phone_number"), List.of(), List.of(), null);
        assertThat(diff(TELEPHONE, PHONE_NUMBER, renamed)).containsExactly(new RenameColumn("owners", "telephone", "phone_number"));
        assertThat(renamed.undecided()).isEmpty();
        assertThat(renamed.unusedFlags()).isEmpty();

        // email -> email_address scores 0.93: a rename by itself, unless the flag says otherwise.
        SchemaState email = SchemaState.of(List.of(owners(ColumnSchema.of("email", ColumnType.varchar(200)))));
        SchemaState emailAddress = SchemaState.of(List.of(owners(ColumnSchema.of("email_address", ColumnType.varchar(200)))));
        ChangeDecisions auto = ChangeDecisions.nonInteractive();
        assertThat(diff(email, emailAddress, auto)).containsExactly(new RenameColumn("owners", "email", "email_address"));
        assertThat(auto.notes()).singleElement().asString().contains("renamed (similarity 0.93 >= 0.80)");
        ChangeDecisions refused = ChangeDecisions.of(List.of(), List.of("owners.email=email_address"), List.of(), null);
        assertThat(diff(email, emailAddress, refused)).noneMatch(op -> op instanceof RenameColumn);
        assertThat(refused.undecided()).isEmpty();
    }

    @Test
    void incompatibleTypesAreNoCandidateAndAFlagThatMatchesNothingIsReported() {
        SchemaState before = SchemaState.of(List.of(owners(ColumnSchema.of("visits", BIGINT))));
        SchemaState after = SchemaState.of(List.of(owners(ColumnSchema.of("notes", ColumnType.of(ColumnType.Kind.BOOLEAN)))));
        ChangeDecisions decisions = ChangeDecisions.of(List.of("owners.telefone=phone_number"), List.of(), List.of(), null);
        diff(before, after, decisions);
        assertThat(decisions.undecided()).isEmpty();
        assertThat(decisions.unusedFlags()).containsExactly("--rename owners.telefone=phone_number");
    }

    @Test
    void tablesWithTheSameColumnsOrARedirectedForeignKeyAreCandidatesWhateverTheirNames() {
        ColumnSchema name = ColumnSchema.of("name", ColumnType.varchar(120));
        TableSchema author = new TableSchema("author", List.of(id(), name), List.of("id"), List.of(), List.of(), List.of());
        ColumnSchema authorId = ColumnSchema.of("author_id", BIGINT).notNull();
        TableSchema book = new TableSchema("book", List.of(id(), authorId), List.of("id"), List.of(),
                List.of(new ForeignKeySchema("fk_book_author_id", List.of("author_id"), "author", List.of("id"), null, null)), List.of());
        TableSchema bookAfter = book.withForeignKeys(List.of(
                new ForeignKeySchema("fk_book_author_id", List.of("author_id"), "writer", List.of("id"), null, null)));
        SchemaState before = SchemaState.of(List.of(author, book));
        SchemaState after = SchemaState.of(List.of(author.withName("writer"), bookAfter));

        ChangeDecisions open = ChangeDecisions.nonInteractive();
        diff(before, after, open);
        assertThat(open.undecided()).singleElement().satisfies(u -> {
            assertThat(u.description()).contains("the same 2 column(s)", "book.author_id now references writer");
            assertThat(u.flags()).containsExactly("--rename author=writer", "--no-rename author=writer");
        });

        ScriptedPrompter yes = new ScriptedPrompter("y");
        List<Operation> ops = diff(before, after, ChangeDecisions.of(List.of(), List.of(), List.of(), yes));
        assertThat(ops).containsExactly(new RenameTable("author", "writer"));

        ChangeDecisions no = ChangeDecisions.of(List.of(), List.of("author=writer"), List.of(), null);
        assertThat(diff(before, after, no)).anySatisfy(op -> assertThat(op).isInstanceOf(DropTable.class))
                .anySatisfy(op -> assertThat(op).isInstanceOf(CreateTable.class));
        assertThat(no.undecided()).isEmpty();
    }

    @Test
    void aNewNotNullColumnOnAnExistingTableGetsAValueForItsRows() {
        ColumnSchema active = ColumnSchema.of("active", ColumnType.of(ColumnType.Kind.BOOLEAN)).notNull();
        SchemaState before = SchemaState.of(List.of(owners()));
        SchemaState after = SchemaState.of(List.of(owners(active)));

        ChangeDecisions open = ChangeDecisions.nonInteractive();
        diff(before, after, open);
        assertThat(open.undecided()).singleElement().satisfies(u -> assertThat(u.flags()).containsExactly("--default owners.active=VALUE"));

        ChangeDecisions flagged = ChangeDecisions.of(List.of(), List.of(), List.of("owners.active=false"), null);
        assertThat(diff(before, after, flagged)).containsExactly(new AddColumn("owners", active, new ColumnDefault.Literal(false)));

        ScriptedPrompter console = new ScriptedPrompter("maybe", "true");
        assertThat(diff(before, after, ChangeDecisions.of(List.of(), List.of(), List.of(), console)))
                .containsExactly(new AddColumn("owners", active, new ColumnDefault.Literal(true)));
        assertThat(console.asked).anySatisfy(q -> assertThat(q).contains("needs true or false, not 'maybe'"));

        assertThatThrownBy(() -> diff(before, after, ChangeDecisions.of(List.of(), List.of(), List.of("owners.active=maybe"), null)))
                .hasMessageContaining("--default owners.active=maybe").hasMessageContaining("true or false");
        // A column with a default of its own, or a new table, needs nothing.
        ChangeDecisions none = ChangeDecisions.nonInteractive();
        diff(before, SchemaState.of(List.of(owners(active.withDefault(new ColumnDefault.Literal(true))))), none);
        assertThat(none.undecided()).isEmpty();
    }

    @Test
    void aColumnBecomingNotNullGetsAValueForItsNullRows() {
        ColumnSchema nickname = ColumnSchema.of("nickname", ColumnType.varchar(40));
        SchemaState before = SchemaState.of(List.of(owners(nickname)));
        SchemaState after = SchemaState.of(List.of(owners(nickname.withNullable(false))));

        ChangeDecisions open = ChangeDecisions.nonInteractive();
        diff(before, after, open);
        assertThat(open.undecided()).singleElement().satisfies(u -> {
            assertThat(u.description()).contains("owners.nickname (VARCHAR(40)) becoming NOT NULL");
            assertThat(u.flags()).containsExactly("--default owners.nickname=VALUE");
        });

        ChangeDecisions flagged = ChangeDecisions.of(List.of(), List.of(), List.of("owners.nickname=anonymous"), null);
        assertThat(diff(before, after, flagged)).singleElement().isInstanceOfSatisfying(
                AlterColumn.class,
                a -> assertThat(a.fillNullRows()).isEqualTo(new ColumnDefault.Literal("anonymous")));
        // Staying nullable, or becoming nullable, asks nothing.
        ChangeDecisions none = ChangeDecisions.nonInteractive();
        diff(after, before, none);
        assertThat(none.undecided()).isEmpty();
    }

    @Test
    void malformedFlagsAreRefusedNamingThem() {
        assertThatThrownBy(() -> ChangeDecisions.of(List.of("owners.telephone"), List.of(), List.of(), null))
                .hasMessageContaining("--rename needs TABLE.OLD=NEW").hasMessageContaining("owners.telephone");
        assertThatThrownBy(() -> ChangeDecisions.of(List.of("a;drop=b"), List.of(), List.of(), null))
                .hasMessageContaining("'a;drop=b'");
        assertThatThrownBy(() -> ChangeDecisions.of(List.of("a=b"), List.of("a=b"), List.of(), null))
                .hasMessageContaining("contradict");
        assertThatThrownBy(() -> ChangeDecisions.of(List.of(), List.of(), List.of("active=false"), null))
                .hasMessageContaining("--default needs TABLE.COLUMN=VALUE");
    }
}
