package com.example.phoneinc.springboot;

import com.example.phoneinc.PhoneIncConfiguration;
import com.example.phoneinc.auth.PhoneIncTokenStore;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.stereotype.Component;

/**
 * Turns a property value into the bean an object option of the component takes (token store, HTTP
 * client, SSL context parameters, configuration):
 *
 * <ul>
 *   <li>{@code #bean:name}, {@code #name} or a plain {@code name}: the Spring bean of that name;
 *   <li>{@code #class:com.example.Foo('arg')}, {@code #class:com.example.Foo#factory} and {@code
 *       #type:com.example.Foo}: as in Camel's property binding, so the values that work on Camel
 *       Main and Quarkus work here too.
 * </ul>
 *
 * Camel's generated converters only look up {@code #bean:}; they would take {@code
 * #class:com.example.phoneinc.auth.FileTokenStore('/path')} for the name of a Spring bean. A
 * failure surfaces as Spring Boot's binding error, which names the property.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
@Component
public class PhoneIncComponentConverter implements GenericConverter {

    private static final Set<Class<?>> TYPES =
            Set.of(
                    PhoneIncConfiguration.class,
                    PhoneIncTokenStore.class,
                    CloseableHttpAsyncClient.class,
                    SSLContextParameters.class);

    private final ApplicationContext applicationContext;

    /** Looked up on first use: converters are created before the CamelContext is. */
    private final ObjectProvider<CamelContext> camelContext;

    public PhoneIncComponentConverter(
            ApplicationContext applicationContext, ObjectProvider<CamelContext> camelContext) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        Set<ConvertiblePair> answer = new LinkedHashSet<>();
        for (Class<?> type : TYPES) {
            answer.add(new ConvertiblePair(String.class, type));
        }
        return answer;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String ref = source.toString().strip();
        Class<?> type = targetType.getType();
        if (ref.isEmpty()) {
            return null;
        }
        if (ref.startsWith("#class:") || ref.startsWith("#type:")) {
            Object bean;
            try {
                bean = PropertyBindingSupport.resolveBean(camelContext.getObject(), ref);
            } catch (Exception e) {
                throw new IllegalArgumentException(
                        "Cannot create " + ref + ": " + e.getMessage(), e);
            }
            if (!type.isInstance(bean)) {
                throw new IllegalArgumentException(
                        ref + " is a " + bean.getClass().getName() + ", not a " + type.getName());
            }
            return bean;
        }
        String name = ref.startsWith("#bean:") ? ref.substring(6) : ref.replaceFirst("^#", "");
        return applicationContext.getBean(name, type);
    }
}
