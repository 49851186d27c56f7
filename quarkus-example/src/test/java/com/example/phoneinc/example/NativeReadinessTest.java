package com.example.phoneinc.example;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.junit.jupiter.api.Test;

/**
 * What a native build of the application's own code relies on but JVM mode cannot show. The
 * component's registrations come from the extension (its deployment tests and NativeSourcesIT).
 */
class NativeReadinessTest {

    @Test
    void theApplicationsOwnJsonTypesAreRegisteredForReflection() {
        for (Class<?> type :
                new Class<?>[] {
                    Ticket.class,
                    Ticket.MainNumberRef.class,
                    Ticket.ContactRef.class,
                    Ticket.CustomerRef.class,
                    Ticket.OrderRef.class
                }) {
            assertNotNull(type.getAnnotation(RegisterForReflection.class), type.getName());
        }
        for (Class<?> nested : Ticket.class.getDeclaredClasses()) {
            assertNotNull(nested.getAnnotation(RegisterForReflection.class), nested.getName());
        }
    }
}
