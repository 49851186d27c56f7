package com.example.phoneinc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs a {@link WireMockTestSupport} test class once per transport: {@code synchronous=true}
 * (classic HTTP client on the calling thread) and {@code synchronous=false} (async client, the
 * exchange continuing on the worker pool). The class declares {@code @Parameter boolean
 * synchronous} and returns it from {@link WireMockTestSupport#synchronous()}: the guarantees are
 * written once and checked against both.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "synchronous={0}")
@ValueSource(booleans = {true, false})
public @interface TransportModes {}
