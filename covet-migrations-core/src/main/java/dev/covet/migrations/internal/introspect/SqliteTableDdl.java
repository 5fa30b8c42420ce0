package dev.covet.migrations.internal.introspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What SQLite's pragmas do not report, recovered from a table's CREATE TABLE text: constraint names (of
 * UNIQUE constraints, foreign keys and CHECKs), CHECK expressions, and the AUTOINCREMENT column.
 */
public final class SqliteTableDdl {

    /** A UNIQUE constraint; {@code name} is null when it was not named. */
    public record Unique(String name, List<String> columns) {
    }

    /** A foreign key in declaration order; {@code name} is null when it was not named. */
    record ForeignKey(String name, List<String> columns, String referencedTable) {
    }

    /** A CHECK constraint; {@code name} is null when it was not named. */
    public record Check(String name, String expression) {
    }

    /** Words that start a column constraint other than the ones recorded here: a pending name belongs to them. */
    private static final Set<String> OTHER_CONSTRAINTS = Set.of("PRIMARY", "NOT", "NULL", "DEFAULT", "COLLATE", "GENERATED", "AS");

    private final List<Unique> uniques = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private String autoIncrementColumn;
    private final java.util.Map<String, String> generated = new java.util.HashMap<>();

    private SqliteTableDdl() {
    }

    public static SqliteTableDdl parse(String createSql) {
        SqliteTableDdl ddl = new SqliteTableDdl();
        if (createSql == null) {
            return ddl;
        }
        SqlTokens.tokenize(createSql).stream().filter(SqlTokens.Token::isGroup).findFirst().ifPresent(body -> {
            for (String definition : SqlTokens.splitTopLevel(body.inner())) {
                List<SqlTokens.Token> tokens = SqlTokens.tokenize(definition);
                if (tokens.isEmpty()) {
                    continue;
                }
                String first = tokens.get(0).text().toUpperCase(Locale.ROOT);
                if (Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN").contains(first)) {
                    ddl.tableConstraint(tokens);
                } else {
                    ddl.columnDefinition(tokens);
                }
            }
        });
        return ddl;
    }

    /** The generation expression of each generated column ({@code AS (expr)}), by lower-cased column name. */
    public java.util.Map<String, String> generated() {
        return generated;
    }

    public List<Unique> uniques() {
        return uniques;
    }

    List<ForeignKey> foreignKeys() {
        return foreignKeys;
    }

    public List<Check> checks() {
        return checks;
    }

    /** The column declared {@code INTEGER PRIMARY KEY AUTOINCREMENT}, or null. */
    public String autoIncrementColumn() {
        return autoIncrementColumn;
    }

    private void tableConstraint(List<SqlTokens.Token> tokens) {
        String name = null;
        int i = 0;
        if (tokens.get(0).isWord("CONSTRAINT") && tokens.size() > 1) {
            name = SqlText.unquoteIdentifier(tokens.get(1).text());
            i = 2;
        }
        if (i >= tokens.size()) {
            return;
        }
        SqlTokens.Token kind = tokens.get(i);
        SqlTokens.Token group = firstGroup(tokens, i + 1);
        if (group == null) {
            return;
        }
        if (kind.isWord("UNIQUE")) {
            uniques.add(new Unique(name, SqlTokens.columnList(group.inner())));
        } else if (kind.isWord("CHECK")) {
            checks.add(new Check(name, SqlText.stripOuterParens(group.inner())));
        } else if (kind.isWord("FOREIGN")) {
            int ref = indexOfWord(tokens, "REFERENCES", i);
            if (ref >= 0 && ref + 1 < tokens.size()) {
                foreignKeys.add(new ForeignKey(name, SqlTokens.columnList(group.inner()),
                        SqlText.unquoteIdentifier(tokens.get(ref + 1).text())));
            }
        }
    }

    private void columnDefinition(List<SqlTokens.Token> tokens) {
        String column = SqlText.unquoteIdentifier(tokens.get(0).text());
        String pendingName = null;
        for (int i = 1; i < tokens.size(); i++) {
            SqlTokens.Token t = tokens.get(i);
            String word = t.text().toUpperCase(Locale.ROOT);
            if (word.equals("CONSTRAINT") && i + 1 < tokens.size()) {
                pendingName = SqlText.unquoteIdentifier(tokens.get(++i).text());
            } else if (word.equals("UNIQUE")) {
                uniques.add(new Unique(pendingName, List.of(column)));
                pendingName = null;
            } else if (word.equals("CHECK") && i + 1 < tokens.size() && tokens.get(i + 1).isGroup()) {
                checks.add(new Check(pendingName, SqlText.stripOuterParens(tokens.get(++i).inner())));
                pendingName = null;
            } else if (word.equals("REFERENCES") && i + 1 < tokens.size()) {
                foreignKeys.add(new ForeignKey(pendingName, List.of(column), SqlText.unquoteIdentifier(tokens.get(++i).text())));
                pendingName = null;
            } else if (word.equals("AS") && i + 1 < tokens.size() && tokens.get(i + 1).isGroup()) {
                generated.put(column.toLowerCase(Locale.ROOT), SqlText.stripOuterParens(tokens.get(++i).inner()));
                pendingName = null;
            } else if (word.equals("AUTOINCREMENT")) {
                autoIncrementColumn = column;
            } else if (word.equals("DEFAULT") && i + 1 < tokens.size()) {
                i++; // the default value itself may be a word such as UNIQUE in quotes or a group: skip it
                pendingName = null;
            } else if (OTHER_CONSTRAINTS.contains(word)) {
                pendingName = null;
            }
        }
    }

    private static SqlTokens.Token firstGroup(List<SqlTokens.Token> tokens, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).isGroup()) {
                return tokens.get(i);
            }
        }
        return null;
    }

    private static int indexOfWord(List<SqlTokens.Token> tokens, String word, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).isWord(word)) {
                return i;
            }
        }
        return -1;
    }
}
