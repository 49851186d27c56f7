package com.example.phoneinc.example;

import com.example.phoneinc.PhoneIncConstants;
import com.example.phoneinc.api.model.CallerContext;
import com.example.phoneinc.api.model.Voicemail;
import com.example.phoneinc.errorhandling.PhoneIncErrorHandling;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The voicemail triage. For each unlistened voicemail: look up the caller context and the matching
 * contact, write a ticket to the outbox, then mark the voicemail listened, in that order. Failures
 * follow the component's retry policy and end in the dead-letter directory.
 *
 * <p>Voicemails arrive three ways, all into {@link #TRIAGE_VOICEMAIL}: the component's voicemail
 * consumer (polling, watermark in the state directory), Phone.inc's webhook ({@code voicemail.new},
 * when {@code phoneinc.webhook.external-url} is set), and {@code POST /triage} (every unlistened
 * voicemail now). The outbox's ticket record makes the three safe together: a voicemail that
 * already has a ticket is only marked listened.
 */
@ApplicationScoped
public class TriageRoutes extends RouteBuilder {

    /** Runs one triage of every unlistened voicemail now (POST /triage). */
    public static final String TRIAGE = "direct:triage";

    /** Triages one voicemail (the body). */
    public static final String TRIAGE_VOICEMAIL = "direct:triage-voicemail";

    static final String VOICEMAIL = "phoneincVoicemail";
    static final String CALLER_CONTEXT = "phoneincCallerContext";
    static final String CONTACTS = "phoneincContacts";
    static final String TICKET = "phoneincTicket";

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    @Inject ExampleConfig config;

    @Inject TicketOutbox outbox;

    @Inject DeadLetterWriter deadLetters;

    private final TicketFactory tickets = new TicketFactory(Clock.systemUTC());

    @Override
    public void configure() {
        ExampleConfig.Triage triage = config.triage();

        // new voicemails as they arrive: the component's polling consumer, its watermark saved in
        // the state directory so a restart resumes where it stopped
        from("phoneinc:voicemails?startFrom=beginning&watermarkRepository=#triageWatermarks"
                        + "&initialDelay="
                        + triage.initialDelay().toMillis()
                        + "&delay="
                        + triage.period().toMillis())
                .routeId("triage-consumer")
                .autoStartup(triage.scheduleEnabled())
                .process(e -> e.setProperty(TriageRun.PROPERTY, new TriageRun()))
                .filter(e -> voicemail(e).getListenedAt() == null)
                .to(TRIAGE_VOICEMAIL);

        // ... and pushed by Phone.inc, when this service is reachable from it
        config.webhook()
                .externalUrl()
                .filter(url -> !url.isBlank())
                .ifPresent(
                        url ->
                                from("webhook:phoneinc:events?events=voicemail.new,call.ended"
                                                + "&webhookComponentName=platform-http"
                                                + "&webhookPath=/hooks/phoneinc"
                                                + "&webhookExternalUrl="
                                                + url)
                                        .routeId("triage-webhook")
                                        .choice()
                                        .when(
                                                header(PhoneIncConstants.EVENT_TYPE)
                                                        .isEqualTo("voicemail.new"))
                                        // answer Phone.inc at once; triage on a thread of its own
                                        .to(ExchangePattern.InOnly, "seda:triage-pushed")
                                        .otherwise()
                                        .log(
                                                LoggingLevel.INFO,
                                                "Call ${header.CamelPhoneIncResourceId} ended"));
        from("seda:triage-pushed")
                .routeId("triage-pushed")
                .process(e -> e.setProperty(TriageRun.PROPERTY, new TriageRun()))
                .to(TRIAGE_VOICEMAIL);

        from(TRIAGE)
                .routeId("triage")
                .routeConfigurationId(PhoneIncErrorHandling.ID)
                .process(e -> e.setProperty(TriageRun.PROPERTY, new TriageRun()))
                .to("phoneinc:voicemails")
                .process(e -> run(e).voicemails.set(e.getMessage().getBody(List.class).size()))
                // each voicemail is an exchange of its own
                .split(body())
                // ... that is not listened yet
                .filter(e -> voicemail(e).getListenedAt() == null)
                .to(TRIAGE_VOICEMAIL)
                .end() // filter
                .end() // split
                .process(this::finish);

        from(TRIAGE_VOICEMAIL)
                .routeId("triage-voicemail")
                .routeConfigurationId(PhoneIncErrorHandling.ID)
                .process(this::prepare)
                .choice()
                // a ticket exists (an earlier run stopped before marking): only mark it
                .when(e -> outbox.isTicketed(voicemail(e).getId()))
                .log(
                        LoggingLevel.INFO,
                        "Voicemail ${header.CamelPhoneIncId} already has a ticket:"
                                + " only marking it listened")
                .process(e -> run(e).alreadyTicketed.incrementAndGet())
                .otherwise()
                // look up the caller (anonymous callers have no number to look up) ...
                .filter(e -> hasE164Caller(voicemail(e)))
                .enrich("phoneinc:callerContext", keep(CALLER_CONTEXT))
                .enrich("phoneinc:contacts", keep(CONTACTS))
                .end() // filter
                // ... and write the ticket
                .process(this::writeTicket)
                .end() // choice
                // then, and only then, mark the voicemail listened
                .process(e -> e.getMessage().setBody(null))
                .to("phoneinc:voicemails/update?listened=true")
                .process(e -> run(e).markedListened.incrementAndGet());

        from(TriageErrorHandling.DEAD_LETTER_URI)
                .routeId("dead-letter")
                .process(deadLetters::write)
                .process(
                        e -> {
                            TriageRun run = e.getProperty(TriageRun.PROPERTY, TriageRun.class);
                            if (run != null) {
                                run.deadLettered.incrementAndGet();
                            }
                        });
    }

    private static TriageRun run(Exchange e) {
        return e.getProperty(TriageRun.PROPERTY, TriageRun.class);
    }

    private static Voicemail voicemail(Exchange e) {
        Voicemail vm = e.getProperty(VOICEMAIL, Voicemail.class);
        return vm != null ? vm : e.getMessage().getBody(Voicemail.class);
    }

    private static boolean hasE164Caller(Voicemail vm) {
        return vm.getFrom() != null && E164.matcher(vm.getFrom()).matches();
    }

    /**
     * Remembers the voicemail and sets the headers the phoneinc: calls below read. Camel counts
     * redeliveries in message headers, which a split copies from the list exchange: they are
     * removed so that each voicemail gets the full retry budget even after the list call itself
     * needed retries.
     */
    private void prepare(Exchange e) {
        Voicemail vm = e.getMessage().getBody(Voicemail.class);
        run(e).unlistened.incrementAndGet();
        e.setProperty(VOICEMAIL, vm);
        e.getMessage().removeHeaders("CamelRedeliver*");
        e.getMessage().setHeader(PhoneIncConstants.ID, vm.getId());
        e.getMessage().setHeader(PhoneIncConstants.PHONE_NUMBER, vm.getFrom());
    }

    /** Keeps the enrichment result in an exchange property; the body stays the voicemail. */
    private static AggregationStrategy keep(String property) {
        return (original, resource) -> {
            original.setProperty(property, resource.getMessage().getBody());
            return original;
        };
    }

    @SuppressWarnings("unchecked")
    private void writeTicket(Exchange e) throws Exception {
        Voicemail vm = voicemail(e);
        Ticket ticket =
                tickets.create(
                        vm,
                        e.getProperty(CALLER_CONTEXT, CallerContext.class),
                        e.getProperty(CONTACTS, List.class));
        e.setProperty(TICKET, ticket);
        if (outbox.write(ticket)) {
            run(e).ticketsWritten.incrementAndGet();
            log.info(
                    "Ticket {} [{}] {}",
                    outbox.ticketFile(vm.getId()),
                    ticket.priority(),
                    ticket.summary());
        } else {
            run(e).alreadyTicketed.incrementAndGet();
        }
    }

    private void finish(Exchange e) {
        TriageRun run = run(e);
        if (run.anythingHappened()) {
            log.info("Triage run: {}", run);
        } else {
            log.debug("Triage run: {}", run);
        }
        e.getMessage().setBody(run.toMap());
    }
}
