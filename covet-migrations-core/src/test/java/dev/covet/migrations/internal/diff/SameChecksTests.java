package dev.covet.migrations.internal.diff;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link SameChecks}: a database's rewording of a check is the same check; any other difference is not. */
class SameChecksTests {

    @Test
    void theDatabasesOwnRewordingsAreTheSameCheck() {
        // PostgreSQL
        assertThat(SameChecks.same("status in ('ACTIVE','SUSPENDED')",
                "(status)::text = ANY ((ARRAY['ACTIVE'::character varying, 'SUSPENDED'::character varying])::text[])")).isTrue();
        assertThat(SameChecks.same("tier between 0 and 2", "(tier >= 0) AND (tier <= 2)")).isTrue();
        assertThat(SameChecks.same("price >= 0", "price >= (0)::numeric")).isTrue();
        assertThat(SameChecks.same("quantity > 0", "(quantity > 0)")).isTrue();
        // MySQL / MariaDB
        assertThat(SameChecks.same("quantity > 0", "`quantity` > 0")).isTrue();
        assertThat(SameChecks.same("kind in ('AUDIO','DVD')", "`kind` in ('AUDIO','DVD')")).isTrue();
        assertThat(SameChecks.same("runtime_minutes>=1", "`runtime_minutes` >= 1")).isTrue();
    }

    @Test
    void anotherValueOperatorOrGroupingIsAnotherCheck() {
        assertThat(SameChecks.same("status in ('ACTIVE','SUSPENDED')",
                "(status)::text = ANY ((ARRAY['ACTIVE'::character varying])::text[])")).isFalse();
        assertThat(SameChecks.same("status in ('ACTIVE','SUSPENDED')", "status in ('active','suspended')")).isFalse();
        assertThat(SameChecks.same("tier between 0 and 2", "(tier >= 0) AND (tier <= 3)")).isFalse();
        assertThat(SameChecks.same("quantity > 0", "quantity >= 0")).isFalse();
        assertThat(SameChecks.same("(a > 0 or b > 0) and c > 0", "a > 0 or (b > 0 and c > 0)")).isFalse();
        assertThat(SameChecks.same("note <> 'a  b'", "note <> 'a b'")).isFalse();
    }
}
