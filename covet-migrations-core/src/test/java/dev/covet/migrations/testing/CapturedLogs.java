package dev.covet.migrations.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/** What one class logs while it is open: {@code try (CapturedLogs logs = CapturedLogs.of(X.class)) { ... } }. */
public final class CapturedLogs implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final String thread = Thread.currentThread().getName();

    private CapturedLogs(Class<?> source) {
        this.logger = (Logger) LoggerFactory.getLogger(source);
        appender.start();
        logger.addAppender(appender);
    }

    /** Starts capturing what {@code source}'s logger logs. */
    public static CapturedLogs of(Class<?> source) {
        return new CapturedLogs(source);
    }

    /**
     * The formatted messages the thread that opened this logged so far: test classes run in parallel, and the
     * logger is shared.
     */
    public List<String> messagesOfThisThread() {
        return snapshot().stream().filter(e -> thread.equals(e.getThreadName())).map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The formatted messages logged so far. */
    public List<String> messages() {
        return snapshot().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The formatted messages logged so far at {@code level}. */
    public List<String> messages(Level level) {
        return snapshot().stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    /**
     * The events so far, copied while no other thread appends: the appender adds under its own monitor (logback's
     * {@code AppenderBase.doAppend} is synchronized), and other threads (another test class, a lock's heartbeat) log
     * through the same logger while this test reads.
     */
    private List<ILoggingEvent> snapshot() {
        synchronized (appender) {
            return new ArrayList<>(appender.list);
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
