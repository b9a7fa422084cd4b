package org.atlascitoyen.mapservice.system;

import org.atlascitoyen.importers.record.RecordKind;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** MVC settings shared by every endpoint. */
@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    /**
     * A kind of record in a path ({@code actors}) as its {@link RecordKind}. The mappings' pattern
     * ({@code RecordPaths.KIND}) only lets the kinds' paths through.
     */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, RecordKind.class, path -> RecordKind.byPath(path)
                .orElseThrow(() -> new NotFoundException("No kind of record '" + path + "'")));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PathVariablesInterceptor());
        registry.addInterceptor(new KnownParametersInterceptor()).addPathPatterns("/api/**", "/tiles/**");
    }

    /**
     * The embed page for partner sites is the map page itself: the script sees the path
     * {@code /embed} and leaves out the search, the filters and the share button. Its query
     * string (preset filters) is the page's business, not the server's.
     */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/embed").setViewName("forward:/index.html");
    }
}
