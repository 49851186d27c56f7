package com.example.phoneinc.quarkus.deployment;

import com.example.phoneinc.quarkus.PhoneIncSettings;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.builditem.CuratedApplicationShutdownBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.runtime.configuration.ConfigUtils;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Dev Services for Phone.inc: in dev and test mode, with nothing configured that says which
 * Phone.inc to talk to, the phoneinc simulator is started in the build's JVM (like Quarkus' own
 * lightweight OIDC dev service, no container) and the component is pointed at it through
 * configuration defaults, so the application's own properties still win. Prod mode never gets it.
 */
@BuildSteps(onlyIf = {IsDevServicesSupportedByLaunchMode.class, DevServicesConfig.Enabled.class})
class PhoneIncDevServicesProcessor {

    private static final Logger LOG = Logger.getLogger(PhoneIncDevServicesProcessor.class);

    static final String BASE_URL = PhoneIncSettings.BASE_URL;
    static final String API_KEY = PhoneIncSettings.API_KEY;
    static final String OAUTH_BASE_URL = PhoneIncSettings.OAUTH_BASE_URL;

    /**
     * Any of these set means the application chose its Phone.inc (or its credential): the dev
     * service stays off. Environment variables count too (CAMEL_COMPONENT_PHONEINC_API_KEY). The
     * list lives in the runtime module, so that applications can make the same choice (the
     * example's OfflineDemo does).
     */
    static final List<String> USER_CHOICES = PhoneIncSettings.USER_CHOICES;

    /** The running simulator, kept across live reloads while its port setting is unchanged. */
    private static volatile PhoneIncSimulator simulator;

    private static volatile int simulatorPortSetting;

    @BuildStep
    DevServicesResultBuildItem startSimulator(
            PhoneIncDevServicesConfig config, CuratedApplicationShutdownBuildItem shutdown) {
        Optional<String> chosen =
                USER_CHOICES.stream().filter(ConfigUtils::isPropertyPresent).findFirst();
        if (!config.enabled() || chosen.isPresent()) {
            chosen.ifPresent(
                    key ->
                            LOG.debugf(
                                    "Not starting Dev Services for Phone.inc: %s is configured",
                                    key));
            stopSimulator();
            return null;
        }
        PhoneIncSimulator sim = simulator;
        if (sim == null || simulatorPortSetting != config.port()) {
            stopSimulator();
            // one event loop: a dev/test workload, and the application's own threads come first
            sim = PhoneIncSimulator.builder().port(config.port()).eventLoops(1).build().start();
            simulator = sim;
            simulatorPortSetting = config.port();
            shutdown.addCloseTask(PhoneIncDevServicesProcessor::stopSimulator, true);
            LOG.infof(
                    "Dev Services for Phone.inc started the phoneinc simulator at %s:"
                            + " camel.component.phoneinc.base-url, api-key and oauth-base-url"
                            + " point at it (configure an api-key or base-url, or set"
                            + " quarkus.phoneinc.devservices.enabled=false, to use Phone.inc)",
                    sim.baseUrl());
        }
        return DevServicesResultBuildItem.discovered()
                .name(PhoneIncProcessor.FEATURE)
                .description("phoneinc simulator (offline fake of the Phone.inc API)")
                .config(
                        Map.of(
                                BASE_URL, sim.baseUrl(),
                                API_KEY, sim.apiKey(),
                                OAUTH_BASE_URL, sim.rootUrl()))
                .build();
    }

    private static synchronized void stopSimulator() {
        PhoneIncSimulator sim = simulator;
        simulator = null;
        if (sim != null) {
            sim.close();
            LOG.debug("Dev Services for Phone.inc stopped the phoneinc simulator");
        }
    }
}
