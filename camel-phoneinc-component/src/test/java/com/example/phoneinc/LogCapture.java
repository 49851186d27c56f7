package com.example.phoneinc;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Captures log events in memory while open: raises the given loggers to {@code level} and records
 * every event (formatted message plus the stack trace text of its throwable) from any logger. On
 * close the levels are restored and the appender removed.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    /** One captured event, its text already formatted (arguments rendered at logging time). */
    public record Line(String logger, Level level, String text) {
        @Override
        public String toString() {
            return level + " " + logger + " - " + text;
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Map<Logger, Level> previous = new LinkedHashMap<>();
    private final Logger root;

    private LogCapture(Level level, String... loggers) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        setContext(context);
        setName("test-capture");
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (String name : loggers) {
            Logger logger = context.getLogger(name);
            previous.put(logger, logger.getLevel());
            logger.setLevel(level);
        }
        start();
        root.addAppender(this);
    }

    /** Starts capturing, with {@code loggers} (and their children) at {@code level}. */
    public static LogCapture start(Level level, String... loggers) {
        return new LogCapture(level, loggers);
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(String.valueOf(event.getFormattedMessage()));
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            text.append('\n').append(ThrowableProxyUtil.asString(thrown));
        }
        lines.add(new Line(event.getLoggerName(), event.getLevel(), text.toString()));
    }

    /** Everything captured so far. */
    public List<Line> lines() {
        return new ArrayList<>(lines);
    }

    /** Captured lines whose logger name starts with one of {@code prefixes}. */
    public List<Line> linesFrom(String... prefixes) {
        List<Line> out = new ArrayList<>();
        for (Line line : lines) {
            for (String prefix : prefixes) {
                if (line.logger().startsWith(prefix)) {
                    out.add(line);
                    break;
                }
            }
        }
        return out;
    }

    /** Waits up to {@code millis} for a line matching {@code match}; fails the test otherwise. */
    public Line await(java.util.function.Predicate<Line> match, long millis)
            throws InterruptedException {
        long until = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < until) {
            for (Line l : lines) {
                if (match.test(l)) {
                    return l;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no matching log line within " + millis + " ms: " + lines);
    }

    public void clear() {
        lines.clear();
    }

    @Override
    public void close() {
        root.detachAppender(this);
        stop();
        previous.forEach(Logger::setLevel);
    }
}
