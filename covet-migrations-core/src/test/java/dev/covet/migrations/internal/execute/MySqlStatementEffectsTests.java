package dev.covet.migrations.internal.execute;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a resume reads from MySQL statements: data or schema, and the catalog facts of the DDL forms Covet knows. */
class MySqlStatementEffectsTests {

    private static String facts(String sql) {
        StatementEffect effect = MySqlStatementEffects.of(sql);
        return effect instanceof StatementEffect.Schema schema
                ? String.join("; ", schema.facts().stream().map(CatalogFact::describe).toList())
                : effect.getClass().getSimpleName();
    }

    @Test
    void dataStatementsAreGuardedNotChecked() {
        assertThat(facts("INSERT INTO big (id) SELECT 1")).isEqualTo("Data");
        assertThat(facts("  update big set v = 1")).isEqualTo("Data");
        assertThat(facts("/* why */ DELETE FROM big")).isEqualTo("Data");
        assertThat(facts("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x")).isEqualTo("Data");
    }

    @Test
    void theDdlCovetRendersNamesWhatItLeavesInTheCatalog() {
        assertThat(facts("CREATE TABLE `big` (`id` BIGINT NOT NULL, PRIMARY KEY (`id`), KEY `k` (`id`))")).isEqualTo("table big present");
        assertThat(facts("CREATE TABLE IF NOT EXISTS db.t (id INT)")).isEqualTo("table t present");
        assertThat(facts("DROP TABLE `big`")).isEqualTo("table big absent");
        assertThat(facts("RENAME TABLE `a` TO `b`")).isEqualTo("table a absent; table b present");
        assertThat(facts("CREATE UNIQUE INDEX `idx` ON `big` (`v`)")).isEqualTo("index idx on big present");
        assertThat(facts("DROP INDEX `idx` ON `big`")).isEqualTo("index idx on big absent");
        assertThat(facts("ALTER TABLE `big` ADD COLUMN `flag` INT NOT NULL DEFAULT 0")).isEqualTo("column big.flag present");
        assertThat(facts("ALTER TABLE big ADD flag INT")).isEqualTo("column big.flag present");
        assertThat(facts("ALTER TABLE `big` DROP COLUMN `flag`")).isEqualTo("column big.flag absent");
        assertThat(facts("ALTER TABLE `big` RENAME COLUMN `note` TO `label`")).isEqualTo("column big.note absent; column big.label present");
        assertThat(facts("ALTER TABLE `o` ADD CONSTRAINT `fk_o_c` FOREIGN KEY (`c`) REFERENCES `c` (`id`) ON DELETE CASCADE"))
                .isEqualTo("constraint fk_o_c on o present");
        assertThat(facts("ALTER TABLE `o` DROP FOREIGN KEY `fk_o_c`")).isEqualTo("constraint fk_o_c on o absent");
        assertThat(facts("ALTER TABLE `o` ADD CONSTRAINT `ck` CHECK (a > 0)")).isEqualTo("constraint ck on o present");
        assertThat(facts("ALTER TABLE `o` ADD CONSTRAINT `uq` UNIQUE (`a`, `b`)")).isEqualTo("index uq on o present");
        assertThat(facts("ALTER TABLE `o` RENAME INDEX `a` TO `b`")).isEqualTo("index a on o absent; index b on o present");
        assertThat(facts("ALTER TABLE `o` RENAME TO `p`")).isEqualTo("table o absent; table p present");
        assertThat(facts("ALTER TABLE `o` DROP INDEX `uq`, DROP COLUMN `a`")).isEqualTo("index uq on o absent; column o.a absent");
    }

    @Test
    void definitionsAreRepeatableAndOtherFormsUnknown() {
        assertThat(facts("ALTER TABLE `o` MODIFY COLUMN `a` VARCHAR(20) NULL")).isEqualTo("Repeatable");
        assertThat(facts("ALTER TABLE `o` ADD PRIMARY KEY (`a`)")).isEqualTo("Unknown");
        assertThat(facts("CREATE VIEW v AS SELECT 1")).isEqualTo("Unknown");
        assertThat(facts("CALL do_things()")).isEqualTo("Unknown");
        assertThat(facts("ALTER TABLE `o` MODIFY COLUMN `a` INT, ADD PRIMARY KEY (`a`)")).isEqualTo("Unknown");
    }
}
