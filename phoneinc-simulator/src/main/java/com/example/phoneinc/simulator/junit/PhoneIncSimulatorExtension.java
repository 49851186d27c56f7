package com.example.phoneinc.simulator.junit;

import com.example.phoneinc.simulator.PhoneIncSimulator;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension running a {@link PhoneIncSimulator}.
 *
 * <ul>
 *   <li>{@code @ExtendWith(PhoneIncSimulatorExtension.class)} or a {@code static}
 *       {@code @RegisterExtension} field: one simulator per test class, reset before each test.
 *   <li>{@code @RegisterExtension} on an instance field, or {@link #perTest()}: a fresh simulator
 *       for every test.
 * </ul>
 *
 * Test methods, constructors and lifecycle methods can declare a {@code PhoneIncSimulator}
 * parameter. Configure it with {@link #withConfig(Supplier)}:
 *
 * <pre>{@code
 * @RegisterExtension
 * static PhoneIncSimulatorExtension sim = PhoneIncSimulatorExtension.withConfig(
 *         () -> PhoneIncSimulator.builder().invalidKeyLimit(3));
 * }</pre>
 */
public final class PhoneIncSimulatorExtension
        implements BeforeAllCallback,
                AfterAllCallback,
                BeforeEachCallback,
                AfterEachCallback,
                ParameterResolver {

    private static final ExtensionContext.Namespace NS =
            ExtensionContext.Namespace.create(PhoneIncSimulatorExtension.class);
    private static final String CLASS_KEY = "class-simulator";
    private static final String TEST_KEY = "test-simulator";

    private final Supplier<PhoneIncSimulator.Builder> config;
    private final boolean perTest;
    private volatile PhoneIncSimulator current;

    /** Default configuration, one simulator per test class. */
    public PhoneIncSimulatorExtension() {
        this(PhoneIncSimulator::builder, false);
    }

    private PhoneIncSimulatorExtension(
            Supplier<PhoneIncSimulator.Builder> config, boolean perTest) {
        this.config = Objects.requireNonNull(config);
        this.perTest = perTest;
    }

    /** An extension whose simulators are built from {@code config}. */
    public static PhoneIncSimulatorExtension withConfig(
            Supplier<PhoneIncSimulator.Builder> config) {
        return new PhoneIncSimulatorExtension(config, false);
    }

    /** An extension that starts a fresh simulator for every test (default configuration). */
    public static PhoneIncSimulatorExtension perTest() {
        return new PhoneIncSimulatorExtension(PhoneIncSimulator::builder, true);
    }

    /** A per-test extension built from {@code config}. */
    public static PhoneIncSimulatorExtension perTest(Supplier<PhoneIncSimulator.Builder> config) {
        return new PhoneIncSimulatorExtension(config, true);
    }

    /** The simulator of the running test (or class); null outside a test. */
    public PhoneIncSimulator simulator() {
        return current;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (perTest) {
            return;
        }
        // reuse the one of an enclosing class (@Nested), otherwise start one for this class
        if (context.getStore(NS).get(CLASS_KEY, Holder.class) == null) {
            PhoneIncSimulator sim = config.get().build().start();
            context.getStore(NS).put(CLASS_KEY, new Holder(sim));
            context.getStore(NS).put(CLASS_KEY + ".owner", context.getUniqueId());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Object owner = context.getStore(NS).get(CLASS_KEY + ".owner");
        if (context.getUniqueId().equals(owner)) {
            Holder h = context.getStore(NS).remove(CLASS_KEY, Holder.class);
            context.getStore(NS).remove(CLASS_KEY + ".owner");
            if (h != null) {
                h.sim.close();
            }
            current = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Holder classLevel = perTest ? null : context.getStore(NS).get(CLASS_KEY, Holder.class);
        if (classLevel != null) {
            classLevel.sim.reset();
            current = classLevel.sim;
        } else {
            // per test: instance-field registration, perTest(), or no beforeAll call
            Holder h = new Holder(config.get().build().start());
            context.getStore(NS).put(TEST_KEY, h);
            current = h.sim;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Holder h = context.getStore(NS).remove(TEST_KEY, Holder.class);
        if (h != null) {
            h.sim.close();
            current = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
        return pc.getParameter().getType() == PhoneIncSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
        Holder h = ec.getStore(NS).get(TEST_KEY, Holder.class);
        if (h == null) {
            h = ec.getStore(NS).get(CLASS_KEY, Holder.class);
        }
        if (h == null) {
            throw new ParameterResolutionException(
                    "No PhoneIncSimulator available here (a per-test simulator cannot be injected"
                            + " into @BeforeAll methods or constructors)");
        }
        return h.sim;
    }

    /**
     * Store value that closes the simulator if JUnit closes the store before our callbacks do (e.g.
     * on aborted runs).
     */
    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        final PhoneIncSimulator sim;

        Holder(PhoneIncSimulator sim) {
            this.sim = sim;
        }

        @Override
        public void close() {
            sim.close();
        }
    }
}
