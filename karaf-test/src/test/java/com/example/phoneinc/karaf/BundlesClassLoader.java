package com.example.phoneinc.karaf;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.osgi.framework.Bundle;

/**
 * Classes and resources from a list of bundles, first found wins: what camel-core-osgi's resolvers
 * give a CamelContext on Karaf (the component's META-INF/services from its bundle, Camel's own from
 * Camel's bundles). Each class still comes from its bundle's class loader and wiring.
 */
final class BundlesClassLoader extends ClassLoader {

    private final List<Bundle> bundles;

    BundlesClassLoader(List<Bundle> bundles) {
        super(null);
        this.bundles = bundles;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        for (Bundle b : bundles) {
            try {
                return b.loadClass(name);
            } catch (ClassNotFoundException e) {
                // next bundle
            }
        }
        throw new ClassNotFoundException(name + " in " + bundles);
    }

    @Override
    protected URL findResource(String name) {
        for (Bundle b : bundles) {
            URL url = b.getResource(name);
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        List<URL> all = new ArrayList<>();
        for (Bundle b : bundles) {
            Enumeration<URL> urls = b.getResources(name);
            if (urls != null) {
                all.addAll(Collections.list(urls));
            }
        }
        return Collections.enumeration(all);
    }
}
