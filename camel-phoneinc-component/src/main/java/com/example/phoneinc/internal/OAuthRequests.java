package com.example.phoneinc.internal;

import com.example.phoneinc.PhoneIncConstants;
import com.example.phoneinc.api.PhoneIncInvalidInputException;
import com.example.phoneinc.api.PhoneIncRequestInfo;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.Message;

/** Builds the form requests of {@code phoneinc:oauth/token} and {@code phoneinc:oauth/revoke}. */
public final class OAuthRequests {

    private final PhoneIncOperation operation;
    private final String oauthBaseUrl;
    private final String clientId;
    private final Supplier<String> currentAccessToken;

    /**
     * @param currentAccessToken the endpoint credential's current access token, or null when the
     *     endpoint has no OAuth credential
     */
    public OAuthRequests(
            PhoneIncOperation operation,
            String oauthBaseUrl,
            String clientId,
            Supplier<String> currentAccessToken) {
        this.operation = operation;
        this.oauthBaseUrl = oauthBaseUrl.replaceAll("/+$", "");
        this.clientId = clientId;
        this.currentAccessToken = currentAccessToken;
    }

    public HttpCall create(Message message) throws PhoneIncInvalidInputException {
        if (clientId == null || clientId.isBlank()) {
            throw invalid("clientId", "needs the clientId option (the app's OAuth client id)");
        }
        Map<String, String> form = new LinkedHashMap<>();
        if (operation == PhoneIncOperation.OAUTH_TOKEN) {
            form.put("grant_type", "authorization_code");
            form.put("code", required(message, PhoneIncConstants.AUTHORIZATION_CODE, true, "code"));
            form.put(
                    "redirect_uri",
                    required(message, PhoneIncConstants.REDIRECT_URI, false, "redirectUri"));
            form.put("client_id", clientId.strip());
            form.put(
                    "code_verifier",
                    required(message, PhoneIncConstants.CODE_VERIFIER, false, "codeVerifier"));
        } else {
            String token = value(message, PhoneIncConstants.TOKEN, true);
            if (token == null && currentAccessToken != null) {
                token = currentAccessToken.get();
            }
            if (token == null) {
                throw invalid(
                        "token",
                        "needs the token to revoke: the "
                                + PhoneIncConstants.TOKEN
                                + " header, the body, or an OAuth credential on the endpoint");
            }
            form.put("token", token);
            form.put("client_id", clientId.strip());
        }
        return HttpCall.formPost(
                URI.create(oauthBaseUrl + operation.path()), operation.path(), form);
    }

    private String required(Message message, String header, boolean bodyFallback, String field)
            throws PhoneIncInvalidInputException {
        String v = value(message, header, bodyFallback);
        if (v == null) {
            throw invalid(
                    field,
                    "needs the " + header + " header" + (bodyFallback ? " (or the body)" : ""));
        }
        return v;
    }

    private static String value(Message message, String header, boolean bodyFallback) {
        String v = message.getHeader(header, String.class);
        if ((v == null || v.isBlank()) && bodyFallback && message.getBody() instanceof String s) {
            v = s;
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    private PhoneIncInvalidInputException invalid(String field, String problem) {
        return new PhoneIncInvalidInputException(
                field,
                "phoneinc:" + operation.uriName() + " " + problem + ". Nothing was sent.",
                PhoneIncRequestInfo.notSent("POST", operation.path()));
    }
}
