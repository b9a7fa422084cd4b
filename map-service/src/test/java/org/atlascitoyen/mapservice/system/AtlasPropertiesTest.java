package org.atlascitoyen.mapservice.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.atlascitoyen.mapservice.contribution.ContributionProperties;
import org.atlascitoyen.mapservice.webapp.BasemapProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The settings records are the one home of each default: the service's application.properties
 * sets none of them, each is read from its environment variable (Spring Boot's relaxed binding,
 * with no {@code ${ATLAS_...}} line to relay it), and the README's table states the same variables
 * and defaults.
 */
class AtlasPropertiesTest {

    private static final List<Class<? extends Record>> RECORDS = List.of(AtlasProperties.class, BasemapProperties.class,
            ContributionProperties.class);
    private static final Path README = Path.of("..", "README.md");
    private static final String README_SECTION = "### Limits and defaults of the service";

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({AtlasProperties.class, BasemapProperties.class, ContributionProperties.class})
    static class Settings {
    }

    @Test
    void applicationPropertiesSetsNoneOfThem() throws IOException {
        Properties application = new Properties();
        try (InputStream in = AtlasPropertiesTest.class.getResourceAsStream("/application.properties")) {
            application.load(in);
        }
        assertThat(application.stringPropertyNames()).noneMatch(name -> name.startsWith("atlas."));
    }

    @Test
    void withNothingSetEverySettingHasTheDefaultOfItsRecord() {
        withEnvironment(Map.of()).run(context -> {
            for (Setting setting : settings()) {
                assertThat(setting.valueIn(context)).as(setting.variable()).isEqualTo(setting.defaultValue());
            }
        });
    }

    @Test
    void everySettingIsReadFromItsEnvironmentVariable() {
        Map<String, Object> variables = new HashMap<>();
        settings().forEach(setting -> variables.put(setting.variable(), setting.otherValue()));
        withEnvironment(variables).run(context -> {
            for (Setting setting : settings()) {
                assertThat(setting.valueIn(context)).as(setting.variable()).isEqualTo(setting.otherValue());
            }
        });
    }

    @Test
    void anEmptyVariableOrAPropertyAlsoOverridesTheDefault() {
        withEnvironment(Map.of("ATLAS_BASEMAP_URL", "")).withPropertyValues("atlas.list-limit-max=7").run(context -> {
            assertThat(context.getBean(BasemapProperties.class).url()).isEmpty();
            assertThat(context.getBean(AtlasProperties.class).listLimitMax()).isEqualTo(7);
        });
    }

    @Test
    void theReadmeListsEverySettingWithTheDefaultOfItsRecord() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        settings().forEach(setting -> expected.put(setting.variable(), setting.defaultValue()));
        assertThat(readmeTable()).containsExactlyEntriesOf(expected);
    }

    /** A context with the service's application.properties and these environment variables only. */
    private static ApplicationContextRunner withEnvironment(Map<String, Object> variables) {
        return new ApplicationContextRunner()
                .withInitializer(context -> context.getEnvironment().getPropertySources().replace(
                        SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)))
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withUserConfiguration(Settings.class);
    }

    /**
     * One component of a settings record: its environment variable ({@code atlas.list-limit-max}
     * is {@code ATLAS_LIST_LIMIT_MAX}) and its {@code @DefaultValue}.
     */
    private record Setting(Class<? extends Record> type, RecordComponent component, String variable, String defaultValue) {

        String valueIn(ApplicationContext context) throws ReflectiveOperationException {
            return String.valueOf(component.getAccessor().invoke(context.getBean(type)));
        }

        /** A value of the component's type that is not the default. */
        String otherValue() {
            return component.getType() == String.class ? "other " + variable : String.valueOf(Long.parseLong(defaultValue) + 1);
        }
    }

    private static List<Setting> settings() {
        List<Setting> settings = new ArrayList<>();
        for (Class<? extends Record> type : RECORDS) {
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Parameter[] parameters;
            try {
                parameters = type.getDeclaredConstructor(types).getParameters();
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
            for (int i = 0; i < components.length; i++) {
                String name = prefix + "." + components[i].getName().replaceAll("([A-Z])", "-$1").toLowerCase();
                String variable = name.toUpperCase().replace('.', '_').replace('-', '_');
                settings.add(new Setting(type, components[i], variable, parameters[i].getAnnotation(DefaultValue.class).value()[0]));
            }
        }
        return settings;
    }

    /** Variable and default of each row of the README's table of settings, in order. */
    private static Map<String, String> readmeTable() throws IOException {
        List<String> lines = Files.readAllLines(README);
        Map<String, String> rows = new LinkedHashMap<>();
        int i = lines.indexOf(README_SECTION);
        assertThat(i).as("README section " + README_SECTION).isNotNegative();
        while (!lines.get(i).startsWith("|")) {
            i++;
        }
        for (; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|");
            if (cells[1].strip().startsWith("`ATLAS_")) {
                rows.put(unquote(cells[1]), unquote(cells[2]));
            }
        }
        return rows;
    }

    private static String unquote(String cell) {
        return cell.strip().replaceAll("^`|`$", "");
    }
}
