package cn.zwy.common.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link RequiredConfiguration}'s refusal into a message an operator can act on. */
public class MissingConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<RequiredConfiguration.MissingConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, RequiredConfiguration.MissingConfigurationException e) {
        String description = "Start-up stopped: required configuration is missing (active profiles: "
                + (e.profiles.isEmpty() ? "none" : String.join(", ", e.profiles)) + "):\n  - "
                + String.join("\n  - ", e.missing);
        String action = "Set each variable listed above in the service's environment (the Helm chart passes them from "
                + "Secrets). There are no default secrets outside the local demo: only the 'demo' profile "
                + "(SPRING_PROFILES_ACTIVE=demo, switched on by ./platform, which also generates the Redis passwords "
                + "and the events HMAC key) has demo values.";
        return new FailureAnalysis(description, action, e);
    }
}
