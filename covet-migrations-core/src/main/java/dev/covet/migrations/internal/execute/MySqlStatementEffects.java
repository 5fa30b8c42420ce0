package dev.covet.migrations.internal.execute;

import dev.covet.migrations.internal.introspect.SqlTokens;
import dev.covet.migrations.internal.introspect.SqlTokens.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a MySQL statement to tell what a resume needs: whether it is a data statement (run in a transaction with
 * its progress write), and for the DDL forms Covet renders (and the same forms in RUN_SQL), what it leaves in the
 * catalog. Anything else is {@link StatementEffect.Unknown}: the resume then re-runs it and takes an "already
 * exists" answer as done.
 */
final class MySqlStatementEffects {

    private static final Set<String> DATA = Set.of("INSERT", "UPDATE", "DELETE", "REPLACE", "SELECT", "WITH", "VALUES",
            "TABLE");
    /** After ADD these words start an index or constraint clause, not a column. */
    private static final Set<String> NOT_A_COLUMN = Set.of("INDEX", "KEY", "UNIQUE", "CONSTRAINT", "PRIMARY", "FOREIGN",
            "FULLTEXT", "SPATIAL", "CHECK", "PARTITION");

    private MySqlStatementEffects() {
    }

    static StatementEffect of(String sql) {
        List<Token> t = SqlTokens.tokenize(sql);
        if (t.isEmpty()) {
            return new StatementEffect.Unknown();
        }
        String head = t.get(0).text().toUpperCase(Locale.ROOT);
        if (DATA.contains(head)) {
            return new StatementEffect.Data();
        }
        try {
            if (head.equals("ALTER")) {
                return alter(sql, t);
            }
            List<CatalogFact> facts = switch (head) {
                case "CREATE" -> create(t);
                case "DROP" -> drop(t);
                case "RENAME" -> renameTables(t);
                default -> List.of();
            };
            return facts.isEmpty() ? new StatementEffect.Unknown() : new StatementEffect.Schema(facts);
        } catch (IndexOutOfBoundsException e) {
            return new StatementEffect.Unknown(); // a form too short to be one we know
        }
    }

    /** CREATE TABLE t, CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX i ON t. */
    private static List<CatalogFact> create(List<Token> t) {
        int i = 1;
        if (t.get(i).isWord("TABLE")) {
            i = skipIfExists(t, i + 1, "NOT");
            return List.of(new CatalogFact.Table(name(t, i), true));
        }
        if (t.get(i).isWord("UNIQUE") || t.get(i).isWord("FULLTEXT") || t.get(i).isWord("SPATIAL")) {
            i++;
        }
        if (t.get(i).isWord("INDEX")) {
            int on = indexOfWord(t, "ON", i + 1);
            if (on == i + 2) {
                return List.of(new CatalogFact.Index(name(t, on + 1), t.get(i + 1).identifier(), true));
            }
        }
        return List.of();
    }

    /** DROP TABLE t, DROP INDEX i ON t. */
    private static List<CatalogFact> drop(List<Token> t) {
        if (t.get(1).isWord("TABLE")) {
            int i = skipIfExists(t, 2, null);
            if (t.size() > i + 1 && t.get(i + 1).text().equals(",")) {
                return List.of(); // several tables: not a form Covet renders
            }
            return List.of(new CatalogFact.Table(name(t, i), false));
        }
        if (t.get(1).isWord("INDEX") && t.get(3).isWord("ON")) {
            return List.of(new CatalogFact.Index(name(t, 4), t.get(2).identifier(), false));
        }
        return List.of();
    }

    /** RENAME TABLE a TO b. */
    private static List<CatalogFact> renameTables(List<Token> t) {
        if (t.get(1).isWord("TABLE") && t.get(3).isWord("TO") && t.size() == 5) {
            return List.of(new CatalogFact.Table(t.get(2).identifier(), false), new CatalogFact.Table(t.get(4).identifier(), true));
        }
        return List.of();
    }

    /** ALTER TABLE t clause, clause...: every clause must be one we know, or the whole statement is unknown. */
    private static StatementEffect alter(String sql, List<Token> t) {
        if (!t.get(1).isWord("TABLE")) {
            return new StatementEffect.Unknown();
        }
        String table = t.get(2).identifier();
        int clausesAt = t.get(3).start();
        List<CatalogFact> facts = new ArrayList<>();
        boolean repeatable = true;
        for (String clause : SqlTokens.splitTopLevel(sql.substring(clausesAt))) {
            List<Token> c = SqlTokens.tokenize(clause);
            if (c.isEmpty()) {
                return new StatementEffect.Unknown();
            }
            if (c.get(0).isWord("MODIFY") || (c.get(0).isWord("ALTER") && c.size() > 1)) {
                continue; // sets a definition: running it again leaves the same result
            }
            List<CatalogFact> clauseFacts = clause(table, c);
            if (clauseFacts.isEmpty()) {
                return new StatementEffect.Unknown();
            }
            repeatable = false;
            facts.addAll(clauseFacts);
            for (CatalogFact f : clauseFacts) {
                if (f instanceof CatalogFact.Table renamed && renamed.present()) {
                    table = renamed.table(); // later clauses name the table by its new name
                }
            }
        }
        if (repeatable) {
            return new StatementEffect.Repeatable("sets column definitions of " + table);
        }
        return new StatementEffect.Schema(facts);
    }

    private static List<CatalogFact> clause(String table, List<Token> c) {
        String verb = c.get(0).text().toUpperCase(Locale.ROOT);
        try {
            return switch (verb) {
                case "ADD" -> add(table, c);
                case "DROP" -> dropClause(table, c);
                case "RENAME" -> renameClause(table, c);
                case "CHANGE" -> change(table, c);
                default -> List.of();
            };
        } catch (IndexOutOfBoundsException e) {
            return List.of();
        }
    }

    private static List<CatalogFact> add(String table, List<Token> c) {
        int i = 1;
        String word = c.get(i).text().toUpperCase(Locale.ROOT);
        if (word.equals("COLUMN")) {
            return c.get(i + 1).isGroup() ? List.of() : List.of(new CatalogFact.Column(table, c.get(i + 1).identifier(), true));
        }
        if (!NOT_A_COLUMN.contains(word)) {
            return c.get(i).isGroup() ? List.of() : List.of(new CatalogFact.Column(table, c.get(i).identifier(), true));
        }
        String constraintName = null;
        if (word.equals("CONSTRAINT")) {
            i++;
            if (!isKeyword(c.get(i))) {
                constraintName = c.get(i).identifier();
                i++;
            }
            word = c.get(i).text().toUpperCase(Locale.ROOT);
        }
        switch (word) {
            case "FOREIGN" -> {
                String name = constraintName != null ? constraintName : optionalName(c, i + 2);
                return name == null ? List.of() : List.of(new CatalogFact.Constraint(table, name, true));
            }
            case "CHECK" -> {
                return constraintName == null ? List.of() : List.of(new CatalogFact.Constraint(table, constraintName, true));
            }
            case "UNIQUE" -> {
                int n = c.get(i + 1).isWord("INDEX") || c.get(i + 1).isWord("KEY") ? i + 2 : i + 1;
                String name = constraintName != null ? constraintName : optionalName(c, n);
                return name == null ? List.of() : List.of(new CatalogFact.Index(table, name, true));
            }
            case "INDEX", "KEY", "FULLTEXT", "SPATIAL" -> {
                int n = c.get(i + 1).isWord("INDEX") || c.get(i + 1).isWord("KEY") ? i + 2 : i + 1;
                String name = optionalName(c, n);
                return name == null ? List.of() : List.of(new CatalogFact.Index(table, name, true));
            }
            default -> {
                return List.of(); // PRIMARY KEY, PARTITION: not checked
            }
        }
    }

    private static List<CatalogFact> dropClause(String table, List<Token> c) {
        Token what = c.get(1);
        if (what.isWord("FOREIGN") && c.get(2).isWord("KEY")) {
            return List.of(new CatalogFact.Constraint(table, c.get(3).identifier(), false));
        }
        if (what.isWord("INDEX") || what.isWord("KEY")) {
            return List.of(new CatalogFact.Index(table, c.get(2).identifier(), false));
        }
        if (what.isWord("CONSTRAINT") || what.isWord("CHECK")) {
            // MySQL drops a UNIQUE constraint by DROP CONSTRAINT too: absent as either kind.
            return List.of(new CatalogFact.Constraint(table, c.get(2).identifier(), false));
        }
        if (what.isWord("PRIMARY") || what.isWord("PARTITION")) {
            return List.of();
        }
        int i = what.isWord("COLUMN") ? 2 : 1;
        return List.of(new CatalogFact.Column(table, c.get(i).identifier(), false));
    }

    private static List<CatalogFact> renameClause(String table, List<Token> c) {
        Token what = c.get(1);
        if (what.isWord("COLUMN") && c.get(3).isWord("TO")) {
            return List.of(new CatalogFact.Column(table, c.get(2).identifier(), false),
                    new CatalogFact.Column(table, c.get(4).identifier(), true));
        }
        if ((what.isWord("INDEX") || what.isWord("KEY")) && c.get(3).isWord("TO")) {
            return List.of(new CatalogFact.Index(table, c.get(2).identifier(), false),
                    new CatalogFact.Index(table, c.get(4).identifier(), true));
        }
        int i = what.isWord("TO") || what.isWord("AS") ? 2 : 1;
        return List.of(new CatalogFact.Table(table, false), new CatalogFact.Table(c.get(i).identifier(), true));
    }

    /** CHANGE [COLUMN] a b definition: a rename when the names differ, else only a new definition. */
    private static List<CatalogFact> change(String table, List<Token> c) {
        int i = c.get(1).isWord("COLUMN") ? 2 : 1;
        String from = c.get(i).identifier();
        String to = c.get(i + 1).identifier();
        if (from.equalsIgnoreCase(to)) {
            return List.of();
        }
        return List.of(new CatalogFact.Column(table, from, false), new CatalogFact.Column(table, to, true));
    }

    private static String optionalName(List<Token> c, int i) {
        return i < c.size() && !c.get(i).isGroup() && !isKeyword(c.get(i)) ? c.get(i).identifier() : null;
    }

    private static boolean isKeyword(Token t) {
        String w = t.text().toUpperCase(Locale.ROOT);
        return Set.of("FOREIGN", "CHECK", "UNIQUE", "PRIMARY", "INDEX", "KEY", "USING").contains(w);
    }

    private static int skipIfExists(List<Token> t, int i, String not) {
        if (t.get(i).isWord("IF")) {
            return not != null ? i + 3 : i + 2;
        }
        return i;
    }

    /** The identifier at i, the last part of a qualified name ({@code db.t}). */
    private static String name(List<Token> t, int i) {
        int at = i;
        while (at + 2 < t.size() && t.get(at + 1).text().equals(".")) {
            at += 2;
        }
        return t.get(at).identifier();
    }

    private static int indexOfWord(List<Token> t, String word, int from) {
        for (int i = from; i < t.size(); i++) {
            if (t.get(i).isWord(word)) {
                return i;
            }
        }
        return -1;
    }
}
