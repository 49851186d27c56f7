package com.example.phoneinc.auth;

import com.example.phoneinc.api.model.PhoneIncJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the token set in a JSON file readable by the owner only ({@code rw-------}). Each save
 * writes a new owner-only file next to it and renames it over the old one, so a reader never sees
 * half a file and a crash leaves either the old or the new token set.
 */
public class FileTokenStore implements PhoneIncTokenStore {

    private static final Set<PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rw-------");

    private final Path file;

    /**
     * The one constructor, so bean definitions can name it unambiguously: {@code
     * #class:com.example.phoneinc.auth.FileTokenStore('/path/tokens.json')} in properties, {@code
     * constructors: {0: /path/tokens.json}} in YAML beans.
     */
    public FileTokenStore(String file) {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("FileTokenStore needs the path of the token file");
        }
        this.file = Path.of(file.strip()).toAbsolutePath();
    }

    /** From Java: {@code FileTokenStore.of(Path.of("tokens.json"))}. */
    public static FileTokenStore of(Path file) {
        return new FileTokenStore(file.toString());
    }

    public Path getFile() {
        return file;
    }

    @Override
    public synchronized Optional<PhoneIncTokens> load() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode json = PhoneIncJson.mapper().readTree(file.toFile());
        if (json == null || !json.hasNonNull("access_token") && !json.hasNonNull("refresh_token")) {
            throw new IOException("Token file " + file + " holds no token");
        }
        return Optional.of(
                new PhoneIncTokens(
                        json.hasNonNull("access_token") ? json.get("access_token").asText() : null,
                        json.hasNonNull("refresh_token")
                                ? json.get("refresh_token").asText()
                                : null,
                        json.hasNonNull("expires_at")
                                ? Instant.parse(json.get("expires_at").asText())
                                : null,
                        json.hasNonNull("scope") ? json.get("scope").asText() : null));
    }

    @Override
    public synchronized void save(PhoneIncTokens tokens) throws IOException {
        ObjectNode json = PhoneIncJson.mapper().createObjectNode();
        json.put("access_token", tokens.accessToken());
        json.put("refresh_token", tokens.refreshToken());
        json.put("expires_at", tokens.expiresAt() == null ? null : tokens.expiresAt().toString());
        json.put("scope", tokens.scope());
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        try {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(temp);
        } catch (FileAlreadyExistsException raced) {
            throw new IOException("Another process is writing " + file, raced);
        }
        Files.write(temp, PhoneIncJson.mapper().writeValueAsBytes(json));
        try {
            Files.move(
                    temp,
                    file,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public String toString() {
        return "FileTokenStore[" + file + "]";
    }
}
