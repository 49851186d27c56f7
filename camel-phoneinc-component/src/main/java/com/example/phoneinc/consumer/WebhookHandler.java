package com.example.phoneinc.consumer;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.service.ServiceHelper;

/**
 * What the {@code webhook:} endpoint's HTTP listener calls: the {@link PhoneIncWebhookProcessor}
 * decides, the route runs only for an accepted event, and the sender gets an empty 200 once the
 * route is done (put slow work behind a {@code seda:} step so the answer stays fast).
 */
public final class WebhookHandler extends AsyncProcessorSupport {

    private final PhoneIncWebhookProcessor deliveries;
    private final AsyncProcessor next;

    public WebhookHandler(PhoneIncWebhookProcessor deliveries, Processor next) {
        this.deliveries = deliveries;
        this.next = AsyncProcessorConverterHelper.convert(next);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        if (!deliveries.accept(exchange)) {
            callback.done(true);
            return true;
        }
        return next.process(
                exchange,
                doneSync -> {
                    if (exchange.getException() == null) {
                        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
                        exchange.getMessage().setBody("");
                    }
                    callback.done(doneSync);
                });
    }

    public PhoneIncWebhookProcessor deliveries() {
        return deliveries;
    }

    @Override
    protected void doStart() throws Exception {
        ServiceHelper.startService(next);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(next);
    }
}
