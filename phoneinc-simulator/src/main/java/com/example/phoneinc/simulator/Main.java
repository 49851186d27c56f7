package com.example.phoneinc.simulator;

import java.util.concurrent.CountDownLatch;

/** Standalone launcher: {@code java -jar phoneinc-simulator-...-standalone.jar --port 8089}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        PhoneIncSimulator.Builder b = PhoneIncSimulator.builder().port(8089);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port":
                    b.port(Integer.parseInt(value(args, ++i, a)));
                    break;
                case "--host":
                    b.host(value(args, ++i, a));
                    break;
                case "--client-id":
                    b.clientId(value(args, ++i, a));
                    break;
                case "--event-loops":
                    b.eventLoops(Integer.parseInt(value(args, ++i, a)));
                    break;
                case "--no-record":
                    b.recordedRequestLimit(0);
                    break;
                case "-h":
                case "--help":
                    System.out.println(
                            "Usage: java -jar phoneinc-simulator-standalone.jar [--port 8089]"
                                    + " [--host 127.0.0.1] [--client-id sim-client]"
                                    + " [--event-loops N] [--no-record]");
                    return;
                default:
                    System.err.println("Unknown argument: " + a + " (try --help)");
                    System.exit(2);
            }
        }
        PhoneIncSimulator sim = b.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    sim.close();
                                    stopped.countDown();
                                },
                                "phoneinc-simulator-shutdown"));
        System.out.println("Phone.inc simulator listening");
        System.out.println("  base URL          " + sim.baseUrl());
        System.out.println(
                "  OAuth             " + sim.rootUrl() + "/oauth/{authorize,token,revoke}");
        System.out.println("  control API       " + sim.rootUrl() + "/_sim/...");
        System.out.println("  API key (A)       " + sim.apiKey());
        System.out.println("  API key (B)       " + sim.otherCompanyApiKey());
        System.out.println("  OAuth client id   " + sim.clientId());
        System.out.println("Press Ctrl-C to stop.");
        System.out.flush();
        stopped.await();
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            System.err.println("Missing value for " + name);
            System.exit(2);
        }
        return args[i];
    }
}
