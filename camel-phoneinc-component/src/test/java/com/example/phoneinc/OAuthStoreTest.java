package com.example.phoneinc;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.api.model.PhoneIncJson;
import com.example.phoneinc.auth.FileTokenStore;
import com.example.phoneinc.auth.PhoneIncTokenStore;
import com.example.phoneinc.auth.PhoneIncTokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FileTokenStore}: JSON, owner-only, written atomically; the store's tokens win over the
 * configured ones at start; token sets never print their tokens.
 */
class OAuthStoreTest extends OAuthTestSupport {

    private static final String STORED_ACCESS = "at_STORED_Vb6Nm2Qw8Er4";
    private static final String STORED_REFRESH = "rt_STORED_Gh1Jk5Lz9Xc3";
    private static final String CONFIGURED_ACCESS = "at_CONFIG_Po0Iu4Yt8Re2";
    private static final String CONFIGURED_REFRESH = "rt_CONFIG_Mj7Nh3Bg9Vf5";

    @TempDir Path dir;
    private Path file;

    @Override
    protected PhoneIncTokenStore createStore() {
        file = dir.resolve("nested/tokens.json");
        return FileTokenStore.of(file);
    }

    @Test
    void roundTrip() throws Exception {
        FileTokenStore files = FileTokenStore.of(file);
        assertEquals(Optional.empty(), files.load());

        PhoneIncTokens tokens =
                new PhoneIncTokens(
                        STORED_ACCESS,
                        STORED_REFRESH,
                        Instant.parse("2030-01-01T12:00:00Z"),
                        "api");
        files.save(tokens);
        assertEquals(tokens, files.load().orElseThrow());
        assertEquals(tokens, new FileTokenStore(file.toString()).load().orElseThrow());

        PhoneIncTokens partial = new PhoneIncTokens(null, STORED_REFRESH, null, null);
        files.save(partial);
        assertEquals(partial, files.load().orElseThrow());
    }

    @Test
    void fileIsOwnerOnlyEvenWhenItWasReadableBefore() throws Exception {
        FileTokenStore files = FileTokenStore.of(file);
        files.save(new PhoneIncTokens(STORED_ACCESS, STORED_REFRESH, null, "api"));
        assertEquals("rw-------", perms(file));

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        files.save(new PhoneIncTokens(NEW_ACCESS, NEW_REFRESH, null, "api"));
        assertEquals("rw-------", perms(file));
        assertEquals(NEW_ACCESS, files.load().orElseThrow().accessToken());
    }

    @Test
    void saveWritesANewFileAndRenamesIt() throws Exception {
        FileTokenStore files = FileTokenStore.of(file);
        files.save(new PhoneIncTokens(STORED_ACCESS, STORED_REFRESH, null, "api"));
        Object inodeBefore = Files.getAttribute(file, "unix:ino");
        // a temp file left behind by a writer that crashed
        Path stale = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(stale, "{\"access_token\":");

        Instant expiry = Instant.parse("2031-02-03T04:05:06Z");
        files.save(new PhoneIncTokens(NEW_ACCESS, NEW_REFRESH, expiry, "api"));

        assertNotEquals(inodeBefore, Files.getAttribute(file, "unix:ino"), "replaced by rename");
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            assertEquals(List.of(file), siblings.toList(), "no temp file left");
        }
        JsonNode json = PhoneIncJson.mapper().readTree(Files.readAllBytes(file));
        assertEquals(NEW_ACCESS, json.get("access_token").asText());
        assertEquals(NEW_REFRESH, json.get("refresh_token").asText());
        assertEquals(expiry.toString(), json.get("expires_at").asText());
        assertEquals("api", json.get("scope").asText());
        assertEquals("rw-------", perms(file));
    }

    /** Two stores on one file, like two processes: a reader never sees a half-written file. */
    @Test
    void concurrentReaderNeverSeesAPartialFile() throws Exception {
        FileTokenStore writer = FileTokenStore.of(file);
        FileTokenStore reader = FileTokenStore.of(file);
        String padding = "x".repeat(64 * 1024); // a write that takes more than one syscall
        writer.save(new PhoneIncTokens(STORED_ACCESS + padding, STORED_REFRESH, null, "api"));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger readsSoFar = new AtomicInteger();
        CompletableFuture<Integer> reads =
                CompletableFuture.supplyAsync(
                        () -> {
                            int n = 0;
                            while (!stop.get()) {
                                try {
                                    String access = reader.load().orElseThrow().accessToken();
                                    assertTrue(access.endsWith(padding));
                                } catch (IOException e) {
                                    throw new AssertionError("partial file read", e);
                                }
                                n++;
                                readsSoFar.set(n);
                            }
                            return n;
                        });
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        long latest = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int writes = 0;
        // 300 ms of writes, and on until the reader (which may start late) has read among them
        while (System.nanoTime() < end
                || (readsSoFar.get() < 10 && System.nanoTime() < latest && !reads.isDone())) {
            String access = (writes % 2 == 0 ? NEW_ACCESS : STORED_ACCESS) + padding;
            writer.save(new PhoneIncTokens(access, NEW_REFRESH, null, "api"));
            writes++;
        }
        stop.set(true);
        assertTrue(reads.get(5, TimeUnit.SECONDS) > 0);
        assertTrue(writes > 0);
    }

    @Test
    void fileWithoutTokensIsRefusedNamingTheFile() throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"scope\":\"api\"}", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> FileTokenStore.of(file).load());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void storedTokensWinOverConfiguredOnesAtStart() throws Exception {
        PhoneIncTokens stored = new PhoneIncTokens(STORED_ACCESS, STORED_REFRESH, T, "api");
        FileTokenStore.of(file).save(stored);
        byte[] before = Files.readAllBytes(file);
        stubApiOk(STORED_ACCESS);
        stubApiOk(CONFIGURED_ACCESS);

        assertNull(send(configuredUri(), null).getException());

        wireMock.verify(
                1,
                getRequestedFor(urlPathEqualTo("/api/v1/calls"))
                        .withHeader("Authorization", equalTo("Bearer " + STORED_ACCESS)));
        assertEquals(0, apiHitsWith(CONFIGURED_ACCESS));
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(file));
    }

    @Test
    void emptyStoreIsSeededFromTheConfiguredTokens() throws Exception {
        stubApiOk(CONFIGURED_ACCESS);

        assertNull(send(configuredUri(), null).getException());

        assertEquals(1, apiHitsWith(CONFIGURED_ACCESS));
        PhoneIncTokens seeded = FileTokenStore.of(file).load().orElseThrow();
        assertEquals(CONFIGURED_ACCESS, seeded.accessToken());
        assertEquals(CONFIGURED_REFRESH, seeded.refreshToken());
        assertEquals("rw-------", perms(file));
    }

    @Test
    void refreshedTokensAreWrittenToTheFile() throws Exception {
        FileTokenStore.of(file).save(new PhoneIncTokens(OLD_ACCESS, OLD_REFRESH, T, "api"));
        stubTokenOk();
        stubApiOk(NEW_ACCESS);
        clock.set(T.minusSeconds(60));

        assertNull(send("phoneinc:calls", null).getException());

        PhoneIncTokens saved = FileTokenStore.of(file).load().orElseThrow();
        assertEquals(NEW_ACCESS, saved.accessToken());
        assertEquals(NEW_REFRESH, saved.refreshToken());
        assertEquals(clock.instant().plusSeconds(3600), saved.expiresAt());
        assertEquals("rw-------", perms(file));
    }

    @Test
    void toStringHidesTokens() {
        PhoneIncTokens tokens = new PhoneIncTokens(STORED_ACCESS, STORED_REFRESH, T, "api");
        String text = tokens.toString();
        assertFalse(text.contains(STORED_ACCESS), text);
        assertFalse(text.contains(STORED_REFRESH), text);
        assertTrue(text.contains(T.toString()) && text.contains("api"), text);
        String none = new PhoneIncTokens(null, null, null, null).toString();
        assertTrue(none.contains("accessToken=none"), none);
        // rotate() keeps the invariant
        String rotated = tokens.rotate(new PhoneIncTokens(NEW_ACCESS, null, T, null)).toString();
        assertFalse(rotated.contains(NEW_ACCESS) || rotated.contains(STORED_REFRESH), rotated);
    }

    private String configuredUri() {
        return "phoneinc:calls?accessToken=RAW("
                + CONFIGURED_ACCESS
                + ")&refreshToken=RAW("
                + CONFIGURED_REFRESH
                + ")";
    }

    private static String perms(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
