package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.dialect.PostgresDialect;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcUrlDialectResolverTests {

    @Test
    void anEmbeddedDatabaseATestSliceSwappedInIsRefusedWithTheWayToKeepTheRealOne() {
        assertThatThrownBy(() -> JdbcUrlDialectResolver.forUrl("jdbc:h2:mem:3f2a;DB_CLOSE_DELAY=-1"))
                .hasMessageContaining("@AutoConfigureTestDatabase(replace = Replace.NONE)")
                .hasMessageContaining("jdbc:sqlite:");
        assertThatThrownBy(() -> JdbcUrlDialectResolver.forUrl("jdbc:oracle:thin:@db:1521/x"))
                .hasMessageNotContaining("@AutoConfigureTestDatabase");
        assertThat(JdbcUrlDialectResolver.forUrl("jdbc:postgresql://db/x")).isInstanceOf(PostgresDialect.class);
    }
}
