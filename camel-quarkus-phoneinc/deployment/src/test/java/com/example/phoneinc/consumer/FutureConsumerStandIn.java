package com.example.phoneinc.consumer;

/**
 * Stands in for the consumer classes the component does not ship yet: the extension registers the
 * package {@code com.example.phoneinc.consumer} from the index, so this class (part of the test
 * application) must be registered too.
 */
public class FutureConsumerStandIn {
    public String eventType;
}
