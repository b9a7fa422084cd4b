package org.atlascitoyen.mapservice.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** MVC settings shared by every endpoint. */
@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
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
