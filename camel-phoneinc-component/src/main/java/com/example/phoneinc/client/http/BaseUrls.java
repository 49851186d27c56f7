package com.example.phoneinc.client.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/** Checks a configured base URL: https, or http only to loopback or when explicitly allowed. */
public final class BaseUrls {

    private BaseUrls() {}

    /**
     * @param option the option name, for messages
     * @return the parsed URL
     * @throws IllegalArgumentException naming the option; the value itself is never quoted (it may
     *     carry user info)
     */
    public static URI check(String option, String value, boolean allowInsecureHttp) {
        URI uri;
        try {
            uri = URI.create(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid " + option + " option: not a URL", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException(
                    "Invalid " + option + " option: expected https://host/path");
        }
        if (uri.getUserInfo() != null || uri.getQuery() != null) {
            throw new IllegalArgumentException(
                    "Invalid "
                            + option
                            + " option: no user info or query string allowed (credentials go in"
                            + " their own options)");
        }
        if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(
                    "Refusing plain http:// "
                            + option
                            + " for host "
                            + uri.getHost()
                            + ": the credential would travel in clear text. Use https://, or set"
                            + " allowInsecureHttp=true if this is intended");
        }
        return uri;
    }

    /** {@code url} without trailing slashes, so that paths can be appended with their own. */
    public static String withoutTrailingSlash(String url) {
        int end = url.length();
        while (end > 0 && url.charAt(end - 1) == '/') {
            end--;
        }
        return url.substring(0, end);
    }

    /** {@code host:port} of a checked URL, the unit Phone.inc's IP block applies to. */
    public static String hostKey(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // literal addresses only: no DNS lookup decides whether a key goes out in clear text
            String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
                return false;
            }
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
