package org.atlascitoyen.mapservice.ratelimit;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Binds a setting such as {@code ATLAS_RATE_LIMIT_SIGNIN_IP=10/PT1H} to a {@link Limit}. */
@Component
@ConfigurationPropertiesBinding
public class LimitConverter implements Converter<String, Limit> {

    @Override
    public Limit convert(String source) {
        return Limit.parse(source);
    }
}
