package com.example.phoneinc.client;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * E.164 checks. Phone.inc silently answers "no match" for anything else on calls and caller
 * context, so a wrong format must fail here, loudly, before a request is sent.
 */
public final class PhoneNumbers {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    private final String defaultRegion;

    /**
     * @param defaultRegion ISO 3166 region for national numbers, or null to accept only E.164
     */
    public PhoneNumbers(String defaultRegion) {
        this.defaultRegion =
                defaultRegion == null || defaultRegion.isBlank()
                        ? null
                        : defaultRegion.trim().toUpperCase(Locale.ROOT);
        if (this.defaultRegion != null
                && !PhoneNumberUtil.getInstance()
                        .getSupportedRegions()
                        .contains(this.defaultRegion)) {
            throw new IllegalArgumentException(
                    "defaultRegion '"
                            + defaultRegion
                            + "' is not a region libphonenumber knows; use an ISO 3166 code"
                            + " such as US or DK");
        }
    }

    public static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }

    /**
     * @return the number in E.164
     * @throws IllegalArgumentException with a message for users when it cannot be made E.164
     */
    public String toE164(String number) {
        String trimmed = number.trim();
        if (isE164(trimmed)) {
            return trimmed;
        }
        if (defaultRegion == null) {
            throw new IllegalArgumentException(
                    "is not an E.164 phone number (expected the form +14155551234). Phone.inc"
                            + " treats other formats as \"no match\"; set defaultRegion to convert"
                            + " national numbers");
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            PhoneNumber parsed = util.parse(trimmed, defaultRegion);
            if (util.isValidNumber(parsed)) {
                return util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        } catch (NumberParseException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "is not a valid phone number for region "
                        + defaultRegion
                        + " (expected E.164 such as +14155551234)");
    }
}
