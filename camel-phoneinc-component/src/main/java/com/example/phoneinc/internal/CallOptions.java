package com.example.phoneinc.internal;

/**
 * The per-call endpoint options, fixed at endpoint start. Each can be overridden per message by its
 * {@code CamelPhoneInc*} header.
 */
public record CallOptions(
        String id,
        String phoneNumber,
        String direction,
        String state,
        Boolean listened,
        String method,
        String path) {

    /** The option value for a {@link PhoneIncOperation.Param#option()} name. */
    String option(String name) {
        return switch (name) {
            case "phoneNumber" -> phoneNumber;
            case "direction" -> direction;
            case "state" -> state;
            default -> throw new IllegalArgumentException("no option " + name);
        };
    }
}
