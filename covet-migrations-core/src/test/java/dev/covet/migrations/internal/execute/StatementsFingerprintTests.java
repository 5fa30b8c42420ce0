package dev.covet.migrations.internal.execute;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatementsFingerprintTests {

    private static final List<Step> STEPS = List.of(new Step.Sql("CREATE TABLE a (id INT)"), new Step.Sql("CREATE TABLE b (id INT)"));

    @Test
    void theRecordedTokenIsFoundAndHiddenFromReaders() {
        String detail = StatementsFingerprint.detail("ran 1 statement(s): [CREATE TABLE a (id INT)]", STEPS, 1);
        assertThat(StatementsFingerprint.recorded(detail)).isEqualTo(StatementsFingerprint.of(STEPS, 1));
        assertThat(StatementsFingerprint.readable(detail)).isEqualTo("ran 1 statement(s): [CREATE TABLE a (id INT)]");
        assertThat(StatementsFingerprint.readable(StatementsFingerprint.detail(null, STEPS, 2))).isNull();
        assertThat(StatementsFingerprint.readable("written by an earlier version")).isEqualTo("written by an earlier version");
    }

    @Test
    void differentStatementsGiveDifferentFingerprints() {
        assertThat(StatementsFingerprint.of(STEPS, 1)).isNotEqualTo(StatementsFingerprint.of(STEPS, 2))
                .isNotEqualTo(StatementsFingerprint.of(List.of(new Step.Sql("CREATE TABLE a (id BIGINT)")), 1));
    }

    @Test
    void aGrowingPrefixGivesTheFingerprintOfItsStatementsSoFar() {
        StatementsFingerprint.Prefix prefix = new StatementsFingerprint.Prefix();
        prefix.add(STEPS.get(0));
        assertThat(prefix.fingerprint()).isEqualTo(StatementsFingerprint.of(STEPS, 1));
        prefix.add(STEPS.get(1));
        assertThat(prefix.fingerprint()).isEqualTo(StatementsFingerprint.of(STEPS, 2));
    }

    @Test
    void theRecordedSessionNamesItsServerAndRowsFromBeforeThatStillRead() {
        String detail = StatementsFingerprint.detail(StatementsFingerprint.of(STEPS, 1), new ServerSession(42, "db-2:3306"));
        assertThat(StatementsFingerprint.connection(detail)).isEqualTo(new ServerSession(42, "db-2:3306"));
        assertThat(StatementsFingerprint.connection("[covet-statements-done:0123456789abcdef][covet-connection:7]"))
                .isEqualTo(new ServerSession(7, null));
        assertThat(StatementsFingerprint.connection("no session recorded")).isNull();
        assertThat(new ServerSession(7, null).sameServerAs(new ServerSession(7, "db-1:3306"))).isTrue();
        assertThat(new ServerSession(7, "db-2:3306").sameServerAs(new ServerSession(7, "db-1:3306"))).isFalse();
    }
}
