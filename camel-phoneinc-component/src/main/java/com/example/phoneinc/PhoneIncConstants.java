package com.example.phoneinc;

import org.apache.camel.Exchange;
import org.apache.camel.spi.Metadata;

/**
 * Message headers of the {@code phoneinc:} component. Input headers override the endpoint option of
 * the same meaning for one message.
 */
public final class PhoneIncConstants {

    @Metadata(
            label = "producer",
            description =
                    "The id of the call, voicemail, contact, main number, employee or webhook to get,"
                            + " update or delete. Overrides the id option.",
            javaType = "String")
    public static final String ID = "CamelPhoneIncId";

    @Metadata(
            label = "producer",
            description =
                    "Phone number in E.164 form, a plus sign followed by country code and number such as 14155551234: filters calls and contacts,"
                            + " and is the number callerContext looks up. Overrides the"
                            + " phoneNumber option.",
            javaType = "String")
    public static final String PHONE_NUMBER = "CamelPhoneIncPhoneNumber";

    @Metadata(
            label = "producer",
            description = "Filter of calls: inbound or outbound. Overrides the direction option.",
            javaType = "String")
    public static final String DIRECTION = "CamelPhoneIncDirection";

    @Metadata(
            label = "producer",
            description = "Filter of calls by call state. Overrides the state option.",
            javaType = "String")
    public static final String STATE = "CamelPhoneIncState";

    @Metadata(
            label = "producer",
            description =
                    "For voicemails/update without a body, or with a fetched Voicemail as body:"
                            + " mark the voicemail listened (true)"
                            + " or unlistened (false). Overrides the listened option.",
            javaType = "Boolean")
    public static final String LISTENED = "CamelPhoneIncListened";

    @Metadata(
            label = "producer",
            description = "HTTP method of the request operation. Overrides the method option.",
            javaType = "String")
    public static final String HTTP_METHOD = "CamelPhoneIncHttpMethod";

    @Metadata(
            label = "producer",
            description =
                    "Path of the request operation, relative to the base URL, e.g. /calls with the query string state=ended."
                            + " Overrides the path option.",
            javaType = "String")
    public static final String PATH = "CamelPhoneIncPath";

    @Metadata(
            label = "producer",
            description =
                    "Page of a calls or voicemails list, where Phone.inc pages lists (1 is the"
                            + " first). Overrides the page option.",
            javaType = "Integer")
    public static final String PAGE = "CamelPhoneIncPage";

    @Metadata(
            label = "consumer",
            description =
                    "Output of the consumers: what happened, e.g. voicemail.new, call.ended,"
                            + " contact.created, contact.updated: the event names of Phone.inc's"
                            + " webhooks.",
            javaType = "String")
    public static final String EVENT_TYPE = "CamelPhoneIncEventType";

    @Metadata(
            label = "consumer",
            description =
                    "Output of the consumers: the id of the voicemail, call or contact the event is"
                            + " about.",
            javaType = "String")
    public static final String RESOURCE_ID = "CamelPhoneIncResourceId";

    @Metadata(
            label = "consumer",
            description =
                    "Output of the consumers: a stable key of the event (type, id and the field that"
                            + " changes), the same for a redelivery of the same event by polling or"
                            + " by webhook. Use it with idempotentConsumer for exactly-once processing.",
            javaType = "String")
    public static final String EVENT_KEY = "CamelPhoneIncEventKey";

    @Metadata(
            label = "producer",
            description =
                    "Output: the HTTP status Phone.inc answered with (also set when"
                            + " throwExceptionOnFailure=false turns a failure into a reply).",
            javaType = "Integer")
    public static final String RESPONSE_CODE = Exchange.HTTP_RESPONSE_CODE;

    @Metadata(
            label = "producer",
            description =
                    "Output of voicemails: how many of the company's voicemails are not yet"
                            + " marked listened (unlistened_count).",
            javaType = "Integer")
    public static final String UNLISTENED_COUNT = "CamelPhoneIncUnlistenedCount";

    @Metadata(
            label = "producer",
            description =
                    "Output of list operations: the other top-level fields of a wrapped list"
                            + " response (for example unlistened_count), by JSON name.",
            javaType = "java.util.Map<String, Object>")
    public static final String LIST_METADATA = "CamelPhoneIncListMetadata";

    @Metadata(
            label = "producer",
            description =
                    "For oauth/revoke: the token to revoke (otherwise the message body, or the"
                            + " current access token of the endpoint's OAuth credential).",
            javaType = "String",
            secret = true)
    public static final String TOKEN = "CamelPhoneIncToken";

    @Metadata(
            label = "producer",
            description =
                    "For oauth/token: the authorization code from the redirect (otherwise the"
                            + " message body).",
            javaType = "String",
            secret = true)
    public static final String AUTHORIZATION_CODE = "CamelPhoneIncAuthorizationCode";

    @Metadata(
            label = "producer",
            description =
                    "For oauth/token: the PKCE code verifier the code challenge was made from.",
            javaType = "String",
            secret = true)
    public static final String CODE_VERIFIER = "CamelPhoneIncCodeVerifier";

    @Metadata(
            label = "producer",
            description = "For oauth/token: the redirect URI used in the authorization request.",
            javaType = "String")
    public static final String REDIRECT_URI = "CamelPhoneIncRedirectUri";

    private PhoneIncConstants() {}
}
