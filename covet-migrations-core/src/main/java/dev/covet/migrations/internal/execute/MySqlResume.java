package dev.covet.migrations.internal.execute;

import dev.covet.migrations.execute.MigrationFailedException;
import dev.covet.migrations.HistoryRow;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides where a MySQL migration left RUNNING or FAILED resumes. Progress is written after every statement, so
 * the statements before {@code statements_done} ran and those after the next one never started: only the next one
 * is in doubt. A data statement commits together with its progress write, so it did not run. A schema change
 * commits by itself, so the catalog tells (the table, column, index or constraint it makes is there or not). One
 * whose effect cannot be read is run again, and an "already exists" answer counts as done.
 */
final class MySqlResume {

    /** MySQL errors that mean a schema change had already been made: duplicate table, column, key, foreign key, check. */
    private static final Set<Integer> ALREADY_DONE = Set.of(1050, 1060, 1061, 1068, 1091, 1826, 3822, 4028);

    /**
     * Where to resume.
     *
     * @param from the first statement to run
     * @param tolerateAlreadyDone whether statement {@code from} is one whose effect could not be checked, so that an
     *        "already exists" error when running it means it had run
     * @param summary what was decided, for the log
     */
    record Plan(int from, boolean tolerateAlreadyDone, String summary) {
    }

    private final StepRunner steps;
    private final Duration wait;

    MySqlResume(StepRunner steps, Duration wait) {
        this.steps = steps;
        this.wait = wait;
    }

    Plan decide(Connection c, RenderedMigration m, HistoryRow row) throws SQLException {
        List<Step> all = m.steps();
        String name = m.migration().id().toString();
        int done = Math.min(row.statementsDone(), all.size());
        ServerSession session = StatementsFingerprint.connection(row.detail());
        String waited = null;
        if (session != null) {
            ServerSession here = ServerSession.of(c);
            if (session.sameServerAs(here)) {
                List<String> own = new ArrayList<>();
                all.forEach(s -> own.add(s.display().strip()));
                waited = KilledSession.awaitEnd(c, session.id(), here.id(), wait, own, name);
            } else {
                // Its session id means another session here. On a Galera node the killed attempt's DDL reached this
                // node in total order, and the lock's causal read waited until it was applied; elsewhere (a
                // fail-over) the old server's sessions are out of reach either way: the catalog decides.
                waited = "the killed attempt ran on " + session.server() + ", not on this server (" + here.server()
                        + "): its session is not looked for here";
            }
        }
        String prefix = "Resuming " + name + " (" + row.state() + (waited == null ? "" : ", " + waited) + "): ";
        if (done == all.size()) {
            return new Plan(done, false, prefix + "all " + done + " statement(s) had run; recording it as applied");
        }
        Step next = all.get(done);
        int number = done + 1;
        String rest = rerun(number, all.size());
        if (next instanceof Step.Java) {
            boolean guarded = steps.isTransactionalJava(next);
            return new Plan(done, false, prefix + "statement " + number + " of " + all.size() + " (" + next.display() + ") "
                    + (guarded ? "had not completed (it commits with its progress)" : "may have run part-way (a batch job"
                    + " resumes from its own progress)") + ", " + rest);
        }
        StatementEffect effect = MySqlStatementEffects.of(((Step.Sql) next).sql());
        String head = prefix + "statement " + number + " of " + all.size();
        if (effect instanceof StatementEffect.Data) {
            return new Plan(done, false, head + " had not run (a data statement commits with its progress write), " + rest);
        }
        if (effect instanceof StatementEffect.Repeatable r) {
            return new Plan(done, false, head + " " + r.what() + ", the same whether or not it ran, " + rest);
        }
        if (effect instanceof StatementEffect.Schema schema) {
            List<String> holding = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (CatalogFact fact : schema.facts()) {
                (MySqlCatalog.holds(c, fact) ? holding : missing).add(fact.describe());
            }
            if (missing.isEmpty()) {
                return new Plan(done + 1, false, head + " already applied (" + String.join(", ", holding) + "), "
                        + (number == all.size() ? "nothing left to run" : rerun(number + 1, all.size())));
            }
            if (holding.isEmpty()) {
                return new Plan(done, false, head + " had not run (" + String.join(", ", notYet(schema.facts())) + "), " + rest);
            }
            throw new MigrationFailedException("cannot resume " + m.migration().source() + ": statement " + number + " ("
                    + next.display() + ") ran part-way or something else changed the schema since: " + String.join(", ", holding)
                    + ", but not " + String.join(", ", missing) + ". Put the schema as it was before the statement or as it"
                    + " would be after it, then run migrate again.", List.of(), null);
        }
        return new Plan(done, true, head + " cannot be checked in the catalog; running it again (an \"already exists\""
                + " answer counts as done), " + rest);
    }

    /** Whether a failure of an unchecked schema change means it had already been made. */
    static boolean alreadyDone(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ALREADY_DONE.contains(sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> notYet(List<CatalogFact> facts) {
        return facts.stream().map(f -> f.describe().replaceAll(" (present|absent)$", f.present() ? " absent" : " present")).toList();
    }

    private static String rerun(int from, int total) {
        return "running " + (from == total ? "statement " + from : from + ".." + total);
    }
}
