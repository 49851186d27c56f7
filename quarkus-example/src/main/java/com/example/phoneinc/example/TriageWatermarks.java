package com.example.phoneinc.example;

import com.example.phoneinc.FileWatermarkRepository;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.apache.camel.spi.StateRepository;

/**
 * Where the voicemail consumer keeps its watermark: a file in the state directory, so a restart
 * resumes where it stopped instead of starting over (the route names it {@code #triageWatermarks}).
 */
@ApplicationScoped
public class TriageWatermarks {

    @Produces
    @Singleton
    @Named("triageWatermarks")
    @Unremovable // looked up by name from the route's URI
    StateRepository<String, String> triageWatermarks(ExampleConfig config) {
        try {
            Files.createDirectories(config.triage().stateDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FileWatermarkRepository(
                config.triage().stateDir().resolve("watermarks.txt").toString());
    }
}
