package dev.covet.migrations.dialect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which Galera URLs get the advice to make causal reads part of the URL. */
class LoadBalancedGaleraUrlTests {

    @Test
    void aLoadBalancedUrlWithoutCausalReadsIsAdvisedWhatToAdd() {
        assertThat(LoadBalancedGaleraUrl.advice("jdbc:mysql:loadbalance://a:3306,b:3306/shop"))
                .hasValueSatisfying(a -> assertThat(a).contains("sessionVariables=wsrep_sync_wait=7").contains("one node"));
        assertThat(LoadBalancedGaleraUrl.advice("JDBC:MARIADB:LOADBALANCE://a,b/shop")).isPresent();
    }

    @Test
    void aUrlToOneNodeOrOneThatAlreadyReadsCausallyIsLeftAlone() {
        assertThat(LoadBalancedGaleraUrl.advice("jdbc:mysql://a:3306/shop")).isEmpty();
        assertThat(LoadBalancedGaleraUrl.advice("jdbc:mysql:loadbalance://a,b/shop?sessionVariables=wsrep_sync_wait=7")).isEmpty();
        assertThat(LoadBalancedGaleraUrl.advice(null)).isEmpty();
    }
}
