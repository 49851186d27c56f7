package com.example.phoneinc.simulator;

import java.util.Set;
import java.util.regex.Pattern;

/** E.164 helpers: strict check, lenient normalisation (contacts) and a display format. */
final class Phones {

    static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().\\u00a0/]");

    /**
     * Two-digit country calling codes (ITU-T E.164); everything else not 1 or 7 is three digits.
     */
    private static final Set<String> TWO_DIGIT_CC =
            Set.of(
                    "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44",
                    "45", "46", "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58",
                    "60", "61", "62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91",
                    "92", "93", "94", "95", "98");

    private Phones() {}

    /** True for a strict E.164 number such as {@code +14155551234}. */
    static boolean isE164(String s) {
        return s != null && E164.matcher(s).matches();
    }

    /**
     * Normalises free-form input ({@code "+1 (415) 555-0177"}, {@code "0045 20 12 34 56"}) to
     * E.164, or returns null when that is not possible (no country code, letters, wrong length).
     */
    static String normalize(String input) {
        if (input == null) {
            return null;
        }
        String s = SEPARATORS.matcher(input.trim()).replaceAll("");
        if (s.startsWith("00")) {
            s = "+" + s.substring(2);
        }
        return isE164(s) ? s : null;
    }

    /** Display form: NANP as {@code +1 415-555-0123}, others as {@code +45 20 12 34 56}. */
    static String format(String e164) {
        if (!isE164(e164)) {
            return e164;
        }
        String digits = e164.substring(1);
        if (digits.startsWith("1") && digits.length() == 11) {
            return "+1 "
                    + digits.substring(1, 4)
                    + "-"
                    + digits.substring(4, 7)
                    + "-"
                    + digits.substring(7);
        }
        int ccLen;
        if (digits.startsWith("1") || digits.startsWith("7")) {
            ccLen = 1;
        } else if (TWO_DIGIT_CC.contains(digits.substring(0, 2))) {
            ccLen = 2;
        } else {
            ccLen = 3;
        }
        StringBuilder sb = new StringBuilder("+").append(digits, 0, ccLen);
        String rest = digits.substring(ccLen);
        int i = 0;
        while (i < rest.length()) {
            int remaining = rest.length() - i;
            int group = remaining == 3 || remaining > 4 && remaining % 2 == 1 ? 3 : 2;
            group = Math.min(group, remaining);
            sb.append(' ').append(rest, i, i + group);
            i += group;
        }
        return sb.toString();
    }
}
