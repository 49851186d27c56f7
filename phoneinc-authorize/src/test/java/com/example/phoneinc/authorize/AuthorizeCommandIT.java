package com.example.phoneinc.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.auth.FileTokenStore;
import com.example.phoneinc.auth.PhoneIncTokens;
import com.example.phoneinc.docs.DocBlocks;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authorization command printed in README.md and docs/authentication.adoc, run as printed
 * against the simulator after this build packaged it: {@code java -jar
 * phoneinc-authorize/target/phoneinc-authorize.jar --client-id … --store … --port …}. The test
 * plays the browser (opens the printed URL, follows the redirect to the command's listener); the
 * command must write the tokens owner-only and exit 0. Only the placeholders are replaced: the
 * client id, the store path, the port (0: any free one) and the OAuth base URL (the simulator's).
 */
class AuthorizeCommandIT {

    @TempDir Path dir;

    @Test
    void printedCommandsBuildTheJarThatAuthorizes() throws Exception {
        for (String id : List.of("readme-authorize", "auth-authorize-command")) {
            List<String> lines = DocBlocks.text(id).lines().toList();
            assertEquals(
                    "./mvnw -q -pl phoneinc-authorize -am package -DskipTests", lines.get(0), id);
            assertTrue(Files.isRegularFile(DocBlocks.root().resolve("phoneinc-authorize/pom.xml")));
            assertEquals(
                    "java -jar phoneinc-authorize/target/phoneinc-authorize.jar \\",
                    lines.get(1),
                    id);
        }
    }

    @Test
    void printedCommandAuthorizesAgainstTheSimulator() throws Exception {
        try (PhoneIncSimulator sim = PhoneIncSimulator.builder().port(0).build().start()) {
            Path store = dir.resolve("tokens.json");
            String printed =
                    String.join(" ", DocBlocks.text("readme-authorize").lines().skip(1).toList())
                            .replace("\\", " ")
                            .replace("YOUR_CLIENT_ID", sim.clientId())
                            .replace("$HOME/.phoneinc/tokens.json", store.toString())
                            .replace("--port 8765", "--port 0");
            List<String> argv = new ArrayList<>(Arrays.asList(printed.trim().split("\\s+")));
            argv.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
            argv.add("--oauth-base-url");
            argv.add(sim.rootUrl());
            Process command =
                    new ProcessBuilder(argv)
                            .directory(DocBlocks.root().toFile())
                            .redirectErrorStream(true)
                            .start();
            try {
                StringBuilder output = new StringBuilder();
                BufferedReader out =
                        new BufferedReader(
                                new InputStreamReader(
                                        command.getInputStream(), StandardCharsets.UTF_8));
                String url = null;
                for (String line; url == null && (line = out.readLine()) != null; ) {
                    output.append(line).append('\n');
                    if (line.strip().startsWith("http")) {
                        url = line.strip();
                    }
                }
                assertTrue(url != null, "the command printed no URL:\n" + output);
                browse(URI.create(url));
                assertTrue(command.waitFor(30, TimeUnit.SECONDS), "the command did not end");
                output.append(new String(command.getInputStream().readAllBytes()));
                assertEquals(0, command.exitValue(), output.toString());
                assertTrue(output.toString().contains("Tokens saved to"), output.toString());

                PhoneIncTokens tokens = new FileTokenStore(store.toString()).load().orElseThrow();
                assertTrue(tokens.accessToken() != null && tokens.refreshToken() != null);
                assertEquals(
                        "rw-------",
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(store)));
                assertEquals(1, sim.hits("POST", "/oauth/token"));
                assertTrue(
                        !output.toString().contains(tokens.accessToken())
                                && !output.toString().contains(tokens.refreshToken()),
                        "tokens are never printed");
            } finally {
                command.destroyForcibly();
            }
        }
    }

    /**
     * What the user's browser does: approve (the simulator auto-approves) and follow the redirect.
     */
    private static void browse(URI authorize) throws Exception {
        HttpClient browser =
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
        HttpResponse<String> approve =
                browser.send(
                        HttpRequest.newBuilder(authorize).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(302, approve.statusCode(), approve.body());
        URI callback = URI.create(approve.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> done =
                browser.send(
                        HttpRequest.newBuilder(callback).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, done.statusCode(), done.body());
    }
}
