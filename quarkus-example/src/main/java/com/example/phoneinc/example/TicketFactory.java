package com.example.phoneinc.example;

import com.example.phoneinc.api.model.CallerContext;
import com.example.phoneinc.api.model.Contact;
import com.example.phoneinc.api.model.ContextCustomer;
import com.example.phoneinc.api.model.ContextOrder;
import com.example.phoneinc.api.model.ProviderContext;
import com.example.phoneinc.api.model.Voicemail;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Turns a voicemail and what Phone.inc knows about its caller into a {@link Ticket}. */
public final class TicketFactory {

    /** Words in a transcription that make a ticket high priority. */
    static final Pattern URGENT =
            Pattern.compile(
                    "\\b(urgent|asap|immediately|damaged|broken|refund|cancel\\w*|complain\\w*)\\b",
                    Pattern.CASE_INSENSITIVE);

    private static final int SUMMARY_CHARS = 120;

    private final Clock clock;

    public TicketFactory(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param context caller context of {@code voicemail.getFrom()}, may be null
     * @param contacts address-book contacts with that number, may be null or empty
     */
    public Ticket create(Voicemail voicemail, CallerContext context, List<Contact> contacts) {
        Ticket.ContactRef contact = contact(contacts);
        List<Ticket.CustomerRef> customers = customers(context);
        String transcription = voicemail.getTranscription();
        return new Ticket(
                voicemail.getId(),
                transcription != null && URGENT.matcher(transcription).find() ? "high" : "normal",
                summary(voicemail, contact, customers),
                voicemail.getFrom(),
                voicemail.getCreatedAt(),
                new Ticket.MainNumberRef(
                        voicemail.getMainNumberId(),
                        voicemail.getMainNumberName(),
                        voicemail.getMainNumber()),
                transcription,
                contact,
                customers,
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS));
    }

    private static Ticket.ContactRef contact(List<Contact> contacts) {
        if (contacts == null || contacts.isEmpty()) {
            return null;
        }
        Contact c = contacts.get(0);
        return new Ticket.ContactRef(
                c.getId(), c.getName(), c.getCompanyName(), c.getEmail(), c.getNote());
    }

    private static List<Ticket.CustomerRef> customers(CallerContext context) {
        List<Ticket.CustomerRef> out = new ArrayList<>();
        if (context == null || context.getContexts() == null) {
            return out;
        }
        for (ProviderContext pc : context.getContexts()) {
            ContextCustomer customer = pc.getCustomer();
            List<Ticket.OrderRef> orders = new ArrayList<>();
            if (pc.getOrders() != null) {
                for (ContextOrder o : pc.getOrders()) {
                    orders.add(
                            new Ticket.OrderRef(
                                    o.getName(),
                                    o.getCreatedAt(),
                                    o.getTotalPrice(),
                                    o.getCurrency(),
                                    o.getFinancialStatus(),
                                    o.getFulfillmentStatus()));
                }
            }
            out.add(
                    new Ticket.CustomerRef(
                            pc.getProvider(),
                            customer == null ? null : customer.getName(),
                            customer == null ? null : customer.getEmail(),
                            customer == null ? null : customer.getAdminUrl(),
                            orders));
        }
        return out;
    }

    private static String summary(
            Voicemail vm, Ticket.ContactRef contact, List<Ticket.CustomerRef> customers) {
        String who = vm.getFrom() != null ? vm.getFrom() : "Unknown caller";
        if (contact != null && contact.name() != null) {
            who = contact.name() + " (" + vm.getFrom() + ")";
        } else if (!customers.isEmpty() && customers.get(0).name() != null) {
            who = customers.get(0).name() + " (" + vm.getFrom() + ")";
        }
        String line = vm.getMainNumberName() == null ? who : who + " → " + vm.getMainNumberName();
        String text = vm.getTranscription();
        if (text == null || text.isBlank()) {
            return line + ": no transcription yet, listen to the recording in Phone.inc";
        }
        text = text.strip();
        return line
                + ": "
                + (text.length() > SUMMARY_CHARS
                        ? text.substring(0, SUMMARY_CHARS - 1) + "…"
                        : text);
    }
}
