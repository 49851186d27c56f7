package com.example.phoneinc.auth;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Keeps the token set in memory only: rotated refresh tokens are lost on restart. */
public class InMemoryTokenStore implements PhoneIncTokenStore {

    private final AtomicReference<PhoneIncTokens> tokens = new AtomicReference<>();

    public InMemoryTokenStore() {}

    public InMemoryTokenStore(PhoneIncTokens initial) {
        tokens.set(initial);
    }

    @Override
    public Optional<PhoneIncTokens> load() {
        return Optional.ofNullable(tokens.get());
    }

    @Override
    public void save(PhoneIncTokens tokens) {
        this.tokens.set(tokens);
    }
}
