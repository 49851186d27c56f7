package com.example.phoneinc.kamelets;

import org.apache.camel.dsl.jbang.core.commands.CamelJBangMain;

/**
 * The {@code camel} command in a JVM of its own: camel-jbang-core has no {@code main}, the CLI's
 * launcher (camel-jbang-main) only calls this. {@code CamelJBangMain.quit} ends the JVM with the
 * command's exit code, which is what a separate process wants.
 */
public final class CamelJBangLauncher {

    private CamelJBangLauncher() {}

    public static void main(String[] args) {
        CamelJBangMain.run(args);
    }
}
