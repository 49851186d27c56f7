package com.example.phoneinc.client.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP answer as read off the wire: status, headers (case-insensitive keys), bounded body.
 *
 * @param headers first value of each header, looked up case-insensitively
 */
public record HttpReply(int status, Map<String, String> headers, byte[] body) {

    public String header(String name) {
        return headers.get(name);
    }

    public String bodyAsString() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
