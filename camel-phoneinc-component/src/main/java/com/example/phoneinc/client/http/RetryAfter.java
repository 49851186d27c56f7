package com.example.phoneinc.client.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/** Parses {@code Retry-After} (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. */
public final class RetryAfter {

    /**
     * The longest wait reported. Longer values (a date years ahead, "99999999999") are reported as
     * this: they are far beyond any sensible {@code maxRetryAfter}, and converting them to
     * nanoseconds would overflow.
     */
    public static final Duration MAX = Duration.ofDays(1);

    /** asctime format, e.g. {@code Sun Nov 6 08:49:37 1994} (the day is space padded). */
    private static final DateTimeFormatter ASCTIME =
            new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern("EEE MMM ppd HH:mm:ss yyyy")
                    .toFormatter(Locale.US);

    private RetryAfter() {}

    /**
     * @return the wait, never negative and at most {@link #MAX}; empty when the value is missing or
     *     malformed
     */
    public static Optional<Duration> parse(String value, Clock clock) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            String digits = v.replaceFirst("^0+(?=.)", "");
            // more digits than a long holds is as good as forever
            long seconds = digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
            return Optional.of(seconds > MAX.toSeconds() ? MAX : Duration.ofSeconds(seconds));
        }
        Instant at = parseDate(v, clock);
        if (at == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!at.isAfter(now)) {
            return Optional.of(Duration.ZERO);
        }
        if (at.isAfter(now.plus(MAX))) {
            return Optional.of(MAX);
        }
        return Optional.of(Duration.between(now, at));
    }

    /** The three HTTP-date formats a recipient must accept (RFC 9110 §5.6.7). */
    private static Instant parseDate(String v, Clock clock) {
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException notImfFixdate) {
            // try the obsolete formats
        }
        try {
            // RFC 850, e.g. Sunday, 06-Nov-94 08:49:37 GMT: a two-digit year within 50 years of now
            DateTimeFormatter rfc850 =
                    new DateTimeFormatterBuilder()
                            .parseCaseInsensitive()
                            .appendPattern("EEEE, dd-MMM-")
                            .appendValueReduced(
                                    ChronoField.YEAR,
                                    2,
                                    2,
                                    LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                                            .minusYears(50))
                            .appendPattern(" HH:mm:ss 'GMT'")
                            .toFormatter(Locale.US);
            return LocalDateTime.parse(v, rfc850).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notRfc850) {
            // try asctime
        }
        try {
            return LocalDateTime.parse(v, ASCTIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notAsctime) {
            return null;
        }
    }
}
