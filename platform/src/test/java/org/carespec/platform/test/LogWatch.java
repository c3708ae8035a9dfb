package org.carespec.platform.test;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every log line written while it watches (its message and the messages of its stack trace), for the canaries of
 * issue 17: text a person typed must be in none of them.
 */
public final class LogWatch implements AutoCloseable {

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    private LogWatch() {
        lines.start();
        root().addAppender(lines);
    }

    /** Starts watching the root logger. */
    public static LogWatch start() {
        return new LogWatch();
    }

    /** The lines so far, each as its message followed by the messages of its exception and causes. */
    public List<String> lines() {
        List<String> texts = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(lines.list)) {
            StringBuilder text = new StringBuilder(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append(' ').append(t.getMessage());
            }
            texts.add(text.toString());
        }
        return texts;
    }

    /** Each line holding one of the needles, with the needle it holds. */
    public List<String> holding(List<String> needles) {
        List<String> found = new ArrayList<>();
        for (String line : lines()) {
            for (String needle : needles) {
                if (line.contains(needle)) {
                    found.add(needle + " in: " + line);
                }
            }
        }
        return found;
    }

    @Override
    public void close() {
        root().detachAppender(lines);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
