package org.atlascitoyen.mapservice.system;

import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Bad input is refused as problem details at every layer: in Tomcat before the application
 * ({@link ProblemReportValve}), and in front of every servlet and filter that reads parameters
 * ({@link ParameterTextFilter}).
 */
@Configuration(proxyBeanMethods = false)
public class TomcatConfig {

    /** Tomcat's own error pages as problem details (the host's error report valve). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** First of all filters, so that no filter or servlet reads a parameter that is not clean text. */
    @Bean
    FilterRegistrationBean<ParameterTextFilter> parameterTextFilter(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        FilterRegistrationBean<ParameterTextFilter> registration = new FilterRegistrationBean<>(new ParameterTextFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
