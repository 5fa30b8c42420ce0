package dev.covet.migrations.maven;

import java.util.ArrayList;
import java.util.List;

/** An exception's messages down its causes, each once: Boot wraps a YAML error in "failed to load ... 'file'". */
final class Messages {

    private Messages() {
    }

    static String of(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null && messages.size() < 6; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (messages.stream().noneMatch(m -> m.contains(message))) {
                messages.add(message);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return String.join(": ", messages);
    }
}
