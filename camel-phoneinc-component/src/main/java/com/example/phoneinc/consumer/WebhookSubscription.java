package com.example.phoneinc.consumer;

import com.example.phoneinc.api.model.Webhook;
import com.example.phoneinc.client.PhoneIncClient;
import com.example.phoneinc.client.PhoneIncOperation;
import com.example.phoneinc.client.PhoneIncResponse;
import com.example.phoneinc.client.RequestArguments;
import com.example.phoneinc.client.RequestParameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Phone.inc webhook subscription of one {@code webhook:phoneinc:events} endpoint. Registering
 * is idempotent: the subscription whose URL is ours (compared without the secret token) is adopted
 * and updated — never a second one on restart — and only that one is deleted or deactivated on
 * unregister. Log lines name the subscription id and the URL without its token.
 */
public final class WebhookSubscription {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSubscription.class);

    private final PhoneIncClient client;
    private final String baseUrl;
    private final String secret;
    private final String name;
    private final List<String> events;
    private volatile String id;

    /**
     * @param baseUrl the externally reachable URL of the listener, without the token
     */
    public WebhookSubscription(
            PhoneIncClient client,
            String baseUrl,
            String secret,
            String name,
            List<String> events) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.secret = secret;
        this.name = name;
        this.events = List.copyOf(events);
    }

    /** The URL Phone.inc delivers to: the listener's, with the secret as query token. */
    String url() {
        return baseUrl
                + (baseUrl.contains("?") ? "&" : "?")
                + PhoneIncWebhookProcessor.TOKEN_PARAMETER
                + "="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    }

    /** Creates our subscription, or brings the one we made before up to date; returns its id. */
    public String register() throws Exception {
        Webhook ours = null;
        @SuppressWarnings("unchecked")
        List<Webhook> existing =
                (List<Webhook>)
                        call(PhoneIncOperation.WEBHOOKS_LIST, RequestArguments.builder()).body();
        for (Webhook w : existing) {
            if (w.getUrl() != null && withoutToken(w.getUrl()).equals(baseUrl)) {
                ours = w;
                break;
            }
        }
        Map<String, Object> wanted = new LinkedHashMap<>();
        wanted.put("name", name);
        wanted.put("url", url());
        wanted.put("events", events);
        wanted.put("active", true);
        if (ours == null) {
            Webhook created =
                    (Webhook)
                            call(
                                            PhoneIncOperation.WEBHOOKS_CREATE,
                                            RequestArguments.builder().body(wanted, null))
                                    .body();
            id = created.getId();
            LOG.info("Registered Phone.inc webhook {} for {} ({})", id, baseUrl, events);
        } else {
            id = ours.getId();
            boolean upToDate =
                    url().equals(ours.getUrl())
                            && Boolean.TRUE.equals(ours.getActive())
                            && ours.getEvents() != null
                            && new HashSet<>(ours.getEvents()).equals(new HashSet<>(events));
            if (!upToDate) {
                call(
                        PhoneIncOperation.WEBHOOKS_UPDATE,
                        RequestArguments.builder()
                                .set(RequestParameter.ID, id, "webhook subscription")
                                .body(wanted, null));
            }
            LOG.info(
                    "Phone.inc webhook {} for {} already registered{}",
                    id,
                    baseUrl,
                    upToDate ? "" : ": brought up to date");
        }
        return id;
    }

    /** Deletes, or with {@code deactivate} pauses, the subscription this endpoint registered. */
    public void unregister(boolean deactivate) throws Exception {
        String registered = id;
        if (registered == null) {
            return; // never registered here: nothing of ours to remove
        }
        RequestArguments.Builder args =
                RequestArguments.builder()
                        .set(RequestParameter.ID, registered, "webhook subscription");
        if (deactivate) {
            call(PhoneIncOperation.WEBHOOKS_UPDATE, args.body(Map.of("active", false), null));
            LOG.info("Deactivated Phone.inc webhook {}", registered);
        } else {
            call(PhoneIncOperation.WEBHOOKS_DELETE, args);
            LOG.info("Deleted Phone.inc webhook {}", registered);
        }
        id = null;
    }

    /** The id of the subscription registered, or null. */
    public String id() {
        return id;
    }

    private PhoneIncResponse call(PhoneIncOperation op, RequestArguments.Builder args)
            throws Exception {
        // start and stop wait for the answer anyway: run it on this thread
        return client.executeAndWait(op, args.build());
    }

    static String withoutToken(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return url;
        }
        String query = url.substring(q + 1);
        StringBuilder kept = new StringBuilder();
        for (String pair : query.split("&")) {
            if (!pair.startsWith(PhoneIncWebhookProcessor.TOKEN_PARAMETER + "=")) {
                kept.append(kept.length() == 0 ? "" : "&").append(pair);
            }
        }
        return url.substring(0, q) + (kept.length() == 0 ? "" : "?" + kept);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "WebhookSubscription[" + id + ", " + baseUrl + "]";
    }
}
