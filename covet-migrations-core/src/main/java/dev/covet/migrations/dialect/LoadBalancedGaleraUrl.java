package dev.covet.migrations.dialect;

import java.util.Locale;
import java.util.Optional;

/**
 * A JDBC URL that spreads one connection over several Galera nodes ({@code jdbc:mysql:loadbalance:},
 * {@code jdbc:mariadb:loadbalance:}): the driver may move the connection to another node at a commit, and a session
 * variable set on the old node does not follow it. The run's causal reads ({@code wsrep_sync_wait}) are such a
 * variable, so on these URLs they must come from the URL itself, where the driver applies them to every node's
 * connection.
 */
final class LoadBalancedGaleraUrl {

    private LoadBalancedGaleraUrl() {
    }

    /** What to tell the user about {@code url} on a Galera node, or empty when it is not load-balanced or already causal. */
    static Optional<String> advice(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String lower = url.toLowerCase(Locale.ROOT);
        boolean balanced = lower.startsWith("jdbc:mysql:loadbalance:") || lower.startsWith("jdbc:mariadb:loadbalance:");
        if (!balanced || lower.contains("wsrep_sync_wait")) {
            return Optional.empty();
        }
        return Optional.of("Covet Migrations: the JDBC URL load-balances over Galera nodes, and a connection that moves"
                + " to another node at a commit loses the session's causal reads (wsrep_sync_wait): a migration just"
                + " applied through another node could then look pending. Add sessionVariables=wsrep_sync_wait=7"
                + " to the URL (both MySQL's and MariaDB's drivers take it), or point the migration at one node");
    }
}
