package cn.zwy.common.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Safe by default: the secrets a service needs (database passwords, the Keycloak client secret,
 * the Redis password, the events HMAC key) have no defaults in {@code application.yml}; the
 * local demo's values live in the {@code demo} profile, which only {@code ./platform} switches on.
 * Before anything else starts, this check reads the properties a service lists under
 * {@code zwy.required-configuration} and stops start-up naming every environment variable that
 * is missing or blank, all at once, instead of a stack trace about the first unresolvable
 * placeholder deep in some bean ({@link MissingConfigurationFailureAnalyzer} prints it).
 */
public class RequiredConfiguration implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(RequiredConfiguration.class);
    static final String PROPERTY = "zwy.required-configuration";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        List<String> required = Binder.get(env).bind(PROPERTY, Bindable.listOf(String.class)).orElse(List.of());
        List<String> missing = new ArrayList<>();
        for (String property : required) {
            String value;
            try {
                value = env.getProperty(property);
            } catch (IllegalArgumentException unresolvable) {
                value = null;
            }
            if (value == null || value.isBlank()) missing.add(variableOf(env, property) + " (" + property + ")");
        }
        if (!missing.isEmpty()) throw new MissingConfigurationException(missing, List.of(env.getActiveProfiles()));
        if (env.matchesProfiles("demo")) {
            log.warn("demo profile active: demo credentials and demo data, for the local demo only (never in a cluster)");
        }
    }

    /** The environment variable the property is read from (its placeholder), else the property itself. */
    private static String variableOf(ConfigurableEnvironment env, String property) {
        for (PropertySource<?> source : env.getPropertySources()) {
            Object raw = source.getProperty(property);
            if (raw == null) continue;
            Matcher m = PLACEHOLDER.matcher(raw.toString());
            return m.find() ? m.group(1) : property;
        }
        return property;
    }

    /** Start-up stopped for missing configuration; {@link #missing} names each variable and its property. */
    public static class MissingConfigurationException extends IllegalStateException {
        final List<String> missing;
        final List<String> profiles;

        MissingConfigurationException(List<String> missing, List<String> profiles) {
            super("missing configuration: " + String.join(", ", missing));
            this.missing = List.copyOf(missing);
            this.profiles = List.copyOf(profiles);
        }
    }
}
