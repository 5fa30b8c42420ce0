package dev.covet.migrations.tenant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tenants from JDBC URLs, each named after its database. */
final class UrlTenants {

    private UrlTenants() {
    }

    static List<Tenant> of(List<String> urls, String user, String password) {
        List<Tenant> tenants = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (String url : urls) {
            String name = name(url);
            String before = seen.putIfAbsent(name, url);
            if (before != null) {
                throw new IllegalArgumentException("two tenant URLs are both named '" + name + "': " + before + " and " + url
                        + "; tenants are named after their database, so list each database once");
            }
            tenants.add(Tenant.ofUrl(name, url, user, password));
        }
        return tenants;
    }

    /** The database of {@code jdbc:postgresql://host/db?x}, {@code jdbc:mysql://host:3306/db}, or the file of {@code jdbc:sqlite:/p/db.sqlite}. */
    static String name(String url) {
        String rest = url.replaceFirst("^jdbc:[a-z0-9]+:", "");
        int end = indexOfAny(rest, "?;");
        rest = end < 0 ? rest : rest.substring(0, end);
        if (rest.startsWith("//")) {
            // host[:port][/database]: without a path there is no database to name the tenant after
            int path = rest.indexOf('/', 2);
            rest = path < 0 ? "" : rest.substring(path);
        }
        rest = rest.replaceAll("/+$", "");
        String last = rest.substring(rest.lastIndexOf('/') + 1);
        if (url.startsWith("jdbc:sqlite:")) {
            int dot = last.lastIndexOf('.');
            last = dot > 0 ? last.substring(0, dot) : last;
        }
        if (last.isEmpty()) {
            throw new IllegalArgumentException("tenant URL " + url + " names no database");
        }
        return last;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
