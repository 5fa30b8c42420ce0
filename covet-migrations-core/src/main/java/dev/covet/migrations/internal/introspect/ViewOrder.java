package dev.covet.migrations.internal.introspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Orders views so each comes after the views its definition names (by their quoted name), for databases whose
 * catalog does not record view dependencies. A cycle cannot be created, so none is expected; one found is broken
 * where it is met.
 */
final class ViewOrder {

    private ViewOrder() {
    }

    static List<String> dependenciesFirst(Map<String, String> definitions, UnaryOperator<String> quote) {
        Set<String> ordered = new LinkedHashSet<>();
        Map<String, Boolean> visiting = new LinkedHashMap<>();
        for (String view : definitions.keySet()) {
            visit(view, definitions, quote, ordered, visiting);
        }
        return new ArrayList<>(ordered);
    }

    private static void visit(String view, Map<String, String> definitions, UnaryOperator<String> quote,
                              Set<String> ordered, Map<String, Boolean> visiting) {
        if (ordered.contains(view) || visiting.containsKey(view)) {
            return;
        }
        visiting.put(view, true);
        String definition = definitions.get(view);
        String body = definition.substring(Math.max(0, definition.toUpperCase(java.util.Locale.ROOT).indexOf(" AS ")));
        for (String other : definitions.keySet()) {
            if (!other.equals(view) && body.contains(quote.apply(other))) {
                visit(other, definitions, quote, ordered, visiting);
            }
        }
        ordered.add(view);
    }
}
