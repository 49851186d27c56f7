package com.example.phoneinc.example;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The outbox of triage tickets, one {@code <voicemail id>.json} file per voicemail, plus a ledger
 * of the voicemail ids already ticketed ({@code ticketed.log} in the state directory).
 *
 * <p>A ticket is written atomically (temporary file, fsync, rename), then its id is appended to the
 * ledger, and only then does the route mark the voicemail listened. A voicemail counts as ticketed
 * when its id is in the ledger <em>or</em> its ticket file exists, so a crash at any point never
 * loses a ticket and never writes a second one: the next run sees the voicemail still unlistened,
 * skips the ticket and only marks it listened. The ledger also keeps tickets that a downstream
 * system has already taken out of the outbox from being written again.
 */
@ApplicationScoped
public class TicketOutbox {

    /** Voicemail ids become file names: allow only what Phone.inc ids are made of. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    @Inject ExampleConfig config;

    @Inject ObjectMapper mapper;

    private final Set<String> ledger = new HashSet<>();
    private Path outbox;
    private Path ledgerFile;

    @PostConstruct
    void load() {
        outbox = config.triage().outboxDir();
        ledgerFile = config.triage().stateDir().resolve("ticketed.log");
        try {
            Files.createDirectories(outbox);
            Files.createDirectories(ledgerFile.getParent());
            if (Files.exists(ledgerFile)) {
                for (String line : Files.readAllLines(ledgerFile, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        ledger.add(line.strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the ticket outbox " + outbox, e);
        }
    }

    /** Whether a ticket for this voicemail was already written. */
    public synchronized boolean isTicketed(String voicemailId) {
        return ledger.contains(voicemailId) || Files.exists(ticketFile(voicemailId));
    }

    /**
     * Writes the ticket unless the voicemail is already ticketed.
     *
     * @return true if a ticket file was written, false if it already existed
     */
    public synchronized boolean write(Ticket ticket) throws IOException {
        String id = ticket.voicemailId();
        if (isTicketed(id)) {
            return false;
        }
        byte[] json = mapper.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(ticket);
        AtomicFiles.write(ticketFile(id), json);
        remember(id);
        return true;
    }

    /** The file a voicemail's ticket is written to. */
    public Path ticketFile(String voicemailId) {
        if (voicemailId == null || !SAFE_ID.matcher(voicemailId).matches()) {
            throw new IllegalArgumentException("Unexpected voicemail id: " + voicemailId);
        }
        return outbox.resolve(voicemailId + ".json");
    }

    /** The ticket files currently in the outbox, by name. */
    public List<Path> tickets() throws IOException {
        try (var files = Files.list(outbox)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    /** Deletes every ticket and forgets the ledger (tests only). */
    synchronized void clear() throws IOException {
        for (Path p : tickets()) {
            Files.deleteIfExists(p);
        }
        Files.deleteIfExists(ledgerFile);
        ledger.clear();
    }

    private void remember(String id) throws IOException {
        Files.writeString(
                ledgerFile,
                id + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.WRITE,
                StandardOpenOption.SYNC);
        ledger.add(id);
    }
}
