package com.example.phoneinc.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhonesTest {

    @Test
    void normalize() {
        assertEquals("+14155550177", Phones.normalize("+1 (415) 555-0177"));
        assertEquals("+4520123456", Phones.normalize("+45 20 12 34 56"));
        assertEquals("+4520123456", Phones.normalize("0045 20.12.34.56"));
        assertNull(Phones.normalize("4155550177"));
        assertNull(Phones.normalize("not-a-number"));
        assertNull(Phones.normalize("+0123456789"));
        assertNull(Phones.normalize("+1234567890123456"));
    }

    @Test
    void strictE164() {
        assertTrue(Phones.isE164("+14155551234"));
        assertFalse(Phones.isE164(" 14155551234"));
        assertFalse(Phones.isE164("+1 415 555 1234"));
    }

    @Test
    void format() {
        assertEquals("+1 415-555-0123", Phones.format("+14155550123"));
        assertEquals("+45 20 12 34 56", Phones.format("+4520123456"));
        assertEquals("+44 20 79 46 09 58", Phones.format("+442079460958"));
        assertEquals("+353 123 45 67", Phones.format("+3531234567"));
    }
}
