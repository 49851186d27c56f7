package com.example.phoneinc.quarkus.deployment;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Dev Services for Phone.inc: the phoneinc simulator, in dev and test mode. */
@ConfigMapping(prefix = "quarkus.phoneinc.devservices")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface PhoneIncDevServicesConfig {

    /**
     * Whether the Phone.inc simulator is started in dev and test mode when the application
     * configures no Phone.inc credential and no base URL. Never started in prod mode.
     */
    @WithDefault("true")
    boolean enabled();

    /** Port of the simulator on 127.0.0.1; 0 picks a free port. */
    @WithDefault("0")
    int port();
}
