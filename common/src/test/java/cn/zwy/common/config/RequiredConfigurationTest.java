package cn.zwy.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** Outside the demo profile a service without its secrets does not start, and says which variables are missing. */
class RequiredConfigurationTest {

    @Configuration
    static class Empty {}

    private static ConfigurableApplicationContext run(Map<String, Object> properties) {
        SpringApplication app = new SpringApplication(Empty.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(properties);
        return app.run();
    }

    @Test
    void missingSecretsStopStartUpNamingEveryVariable() {
        Map<String, Object> props = Map.of(
                "zwy.required-configuration", "app.db-password, app.hmac-key, app.present",
                "app.db-password", "${ZWY_TEST_SURELY_UNSET_DB_PASSWORD}",
                "app.hmac-key", "${ZWY_TEST_SURELY_UNSET_HMAC_KEY:}",
                "app.present", "${ZWY_TEST_SURELY_UNSET_OTHER:a default}");
        assertThatThrownBy(() -> run(props))
                .isInstanceOf(RequiredConfiguration.MissingConfigurationException.class)
                .satisfies(e -> {
                    FailureAnalysis analysis = new MissingConfigurationFailureAnalyzer().analyze(e);
                    assertThat(analysis.getDescription())
                            .contains("ZWY_TEST_SURELY_UNSET_DB_PASSWORD (app.db-password)")
                            .contains("ZWY_TEST_SURELY_UNSET_HMAC_KEY (app.hmac-key)")
                            .doesNotContain("app.present");
                    assertThat(analysis.getAction()).contains("SPRING_PROFILES_ACTIVE=demo");
                });
    }

    @Test
    void startsWhenEveryRequiredValueIsSet() {
        try (ConfigurableApplicationContext ctx = run(Map.of("zwy.required-configuration", "app.db-password",
                "app.db-password", "${ZWY_TEST_SURELY_UNSET_DB_PASSWORD:from-a-profile}"))) {
            assertThat(ctx.getEnvironment().getProperty("app.db-password")).isEqualTo("from-a-profile");
        }
    }
}
