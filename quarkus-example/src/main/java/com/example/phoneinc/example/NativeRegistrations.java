package com.example.phoneinc.example;

import com.example.phoneinc.api.model.Call;
import com.example.phoneinc.api.model.CallerContext;
import com.example.phoneinc.api.model.Contact;
import com.example.phoneinc.api.model.ContextCustomer;
import com.example.phoneinc.api.model.ContextOrder;
import com.example.phoneinc.api.model.Employee;
import com.example.phoneinc.api.model.MainNumber;
import com.example.phoneinc.api.model.PhoneIncJson;
import com.example.phoneinc.api.model.PhoneIncObject;
import com.example.phoneinc.api.model.ProviderContext;
import com.example.phoneinc.api.model.RoutingConfig;
import com.example.phoneinc.api.model.TranscriptionSegment;
import com.example.phoneinc.api.model.Voicemail;
import com.example.phoneinc.api.model.VoicemailUpdate;
import com.example.phoneinc.api.model.Webhook;
import com.example.phoneinc.api.model.WebhookEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native image: the component reads and writes its models with Jackson, by reflection, and the
 * component is a plain jar (no Quarkus extension registers them). Every class of {@code
 * com.example.phoneinc.api.model} is listed here; {@code NativeRegistrationsTest} fails when the
 * package and this list differ.
 */
@RegisterForReflection(
        targets = {
            Call.class,
            CallerContext.class,
            Contact.class,
            ContextCustomer.class,
            ContextOrder.class,
            Employee.class,
            MainNumber.class,
            PhoneIncJson.class,
            PhoneIncObject.class,
            ProviderContext.class,
            RoutingConfig.class,
            TranscriptionSegment.class,
            Voicemail.class,
            VoicemailUpdate.class,
            Webhook.class,
            WebhookEvent.class
        })
public final class NativeRegistrations {

    private NativeRegistrations() {}
}
