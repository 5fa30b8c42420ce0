package dev.covet.migrations.tenant;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlTenantsTests {

    @Test
    void aTenantByUrlIsNamedAfterItsDatabase() {
        assertThat(UrlTenants.name("jdbc:postgresql://db:5432/shop_eu?sslmode=require")).isEqualTo("shop_eu");
        assertThat(UrlTenants.name("jdbc:mysql://db/shop_us")).isEqualTo("shop_us");
        assertThat(UrlTenants.name("jdbc:sqlite:/var/data/shop_uk.db")).isEqualTo("shop_uk");
        assertThatThrownBy(() -> UrlTenants.name("jdbc:postgresql://db:5432/")).hasMessageContaining("names no database");
    }

    @Test
    void twoUrlsOfOneNameAreRefused() {
        assertThatThrownBy(() -> TenantSource.urls(List.of("jdbc:postgresql://a/shop", "jdbc:postgresql://b/shop"), null, null))
                .hasMessageContaining("'shop'").hasMessageContaining("jdbc:postgresql://a/shop").hasMessageContaining("jdbc:postgresql://b/shop");
    }

    @Test
    void patternsMatchWholeNamesWithStarAndQuestionMarkOnly() {
        NamePattern p = NamePattern.of("tenant_?.*");
        assertThat(p.matches("tenant_1.x")).isTrue();
        assertThat(p.matches("tenant_12.x")).isFalse();
        assertThat(p.matches("tenant_1x")).isFalse();
        assertThat(NamePattern.of("t_*").matches("t_")).isTrue();
        assertThat(NamePattern.of("t_*").matches("xt_1")).isFalse();
    }
}
