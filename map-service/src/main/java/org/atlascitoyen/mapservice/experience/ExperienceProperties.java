package org.atlascitoyen.mapservice.experience;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the bank of experiences ({@code atlas.experience.*}, environment variables
 * {@code ATLAS_EXPERIENCE_...}); the README lists them.
 *
 * @param maxBodyBytes           the largest body of {@code POST /api/experiences}, in bytes
 * @param comparableLimitDefault how many comparable experiences an answer gives by default
 * @param comparableLimitMax     the most it gives
 */
@ConfigurationProperties("atlas.experience")
public record ExperienceProperties(
        @DefaultValue("32768") int maxBodyBytes,
        @DefaultValue("10") int comparableLimitDefault,
        @DefaultValue("30") int comparableLimitMax) {
}
