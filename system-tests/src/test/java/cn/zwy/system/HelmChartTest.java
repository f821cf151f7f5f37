package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The deployment chart lints and renders (helm's own engine, in-JVM). */
class HelmChartTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path CHART = ROOT.resolve("helm/zwy");
    private static final List<String> SERVICES = List.of("gateway", "tenant-service", "case-service", "search-service");

    private static String render() {
        return new Helm(CHART).template().withName("zwy").set("ingress.enabled", "true").call();
    }

    /** The rendered document of this kind and name. */
    private static String manifest(String manifests, String kind, String name) {
        return Arrays.stream(manifests.split("\n---"))
                .filter(d -> d.contains("\nkind: " + kind + "\n") && d.contains("\nmetadata:\n  name: " + name + "\n"))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @Test
    void chartLints() {
        LintResult result = new Helm(CHART).lint().strict().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void onlyTheGatewayIsExposedAndServicesAreProbed() {
        String manifests = render();
        assertThat(manifests).contains("name: gateway", "name: tenant-service", "name: case-service", "name: search-service");
        assertThat(manifests).contains("/actuator/health/readiness");
        String ingress = manifests.substring(manifests.indexOf("kind: Ingress"));
        assertThat(ingress).contains("name: gateway").doesNotContain("name: tenant-service");
    }

    /**
     * Every variable a service's application.yml reads without a default (its secrets and
     * required settings, see RequiredConfiguration) is set by the chart, secrets from Secrets;
     * nothing switches the demo profile on.
     */
    @Test
    void everyServiceGetsEverythingItRequiresAndSecretsComeFromSecrets() throws IOException {
        String manifests = render();
        assertThat(manifests).doesNotContain("- name: SPRING_PROFILES_ACTIVE").doesNotContainPattern("value: .*demo");
        for (String service : SERVICES) {
            String deployment = manifest(manifests, "Deployment", service);
            Set<String> required = requiredVariables(service);
            assertThat(required).as(service).contains("ZWY_REDIS_PASSWORD");
            for (String variable : required) {
                assertThat(deployment).as(service + " sets " + variable).contains("- name: " + variable + "\n");
                if (variable.matches(".*(PASSWORD|SECRET|KEYS?)$")) {
                    assertThat(deployment).as(service + " takes " + variable + " from a Secret")
                            .containsPattern("- name: " + variable + "\\n\\s+valueFrom:\\n\\s+secretKeyRef:");
                }
            }
        }
    }

    @Test
    void servicesGetTheirInfrastructureAndTheGatewayItsUpstreams() {
        String manifests = render();
        for (String service : SERVICES) {
            String d = manifest(manifests, "Deployment", service);
            String var = service.toUpperCase().replace('-', '_');
            assertThat(d).as(service).contains("- name: ZWY_BIND_ADDRESS\n              value: \"0.0.0.0\"",
                    "- name: " + var + "_MANAGEMENT_PORT\n", "- name: ZWY_REDIS_HOST\n", "- name: ZWY_REDIS_USER\n");
            // probes on the management port, not the API port
            assertThat(d).as(service).contains("path: /actuator/health/liveness\n              port: management");
        }
        for (String service : List.of("tenant-service", "case-service", "search-service")) {
            String d = manifest(manifests, "Deployment", service);
            String db = "ZWY_" + service.replace("-service", "").toUpperCase() + "_DB";
            assertThat(d).as(service).contains("- name: ZWY_PG_HOST\n", "- name: " + db + "\n", "- name: ZWY_EVENTS_HMAC_KEY\n");
        }
        assertThat(manifest(manifests, "Deployment", "search-service")).contains("- name: ZWY_ES_URL\n");
        // M3: only case-service holds the personal-data keys, from their own Secret
        assertThat(manifest(manifests, "Deployment", "case-service"))
                .containsPattern("- name: ZWY_PRIVACY_KEYS\\n\\s+valueFrom:\\n\\s+secretKeyRef:\\n\\s+name: zwy-privacy")
                .containsPattern("- name: ZWY_PRIVACY_INDEX_KEY\\n\\s+valueFrom:\\n\\s+secretKeyRef:\\n\\s+name: zwy-privacy");
        for (String other : List.of("gateway", "tenant-service", "search-service")) {
            assertThat(manifest(manifests, "Deployment", other)).as(other).doesNotContain("ZWY_PRIVACY_");
        }
        assertThat(manifest(manifests, "Deployment", "tenant-service")).contains("- name: ZWY_KEYCLOAK_URL\n");
        assertThat(manifest(manifests, "Deployment", "gateway")).contains("- name: ZWY_TENANT_SERVICE_URL\n",
                "- name: ZWY_CASE_SERVICE_URL\n", "- name: ZWY_SEARCH_SERVICE_URL\n", "- name: ZWY_KEYCLOAK_URL\n");
    }

    @Test
    void anS3ObjectStoreIsConfiguredWithCredentialsFromASecret() {
        String postgres = manifest(render(), "Deployment", "case-service");
        assertThat(postgres).contains("- name: ZWY_OBJECT_STORE\n              value: \"postgres\"").doesNotContain("ZWY_S3_");
        String s3 = manifest(new Helm(CHART).template().withName("zwy").set("objectStore.type", "s3")
                .set("objectStore.s3.endpoint", "http://minio.storage:9000").call(), "Deployment", "case-service");
        assertThat(s3).contains("- name: ZWY_OBJECT_STORE\n              value: \"s3\"",
                        "- name: ZWY_S3_ENDPOINT\n              value: \"http://minio.storage:9000\"", "- name: ZWY_S3_BUCKET\n")
                .containsPattern("- name: ZWY_S3_ACCESS_KEY_ID\\n\\s+valueFrom:\\n\\s+secretKeyRef:\\n\\s+name: zwy-object-store")
                .containsPattern("- name: ZWY_S3_SECRET_ACCESS_KEY\\n\\s+valueFrom:\\n\\s+secretKeyRef:");
    }

    @Test
    void networkPolicyAdmitsOnlyTheGatewayToTheServices() {
        String manifests = render();
        for (String service : List.of("tenant-service", "case-service", "search-service")) {
            String policy = manifest(manifests, "NetworkPolicy", service);
            assertThat(policy).as(service).contains("podSelector:\n            matchLabels:\n              app.kubernetes.io/name: gateway");
        }
        // besides the gateway, search-service reads tenant-service's catalog for a rebuild of the guides index (ADR 0019)
        String selector = "podSelector:\n            matchLabels:\n              app.kubernetes.io/name: search-service";
        assertThat(manifest(manifests, "NetworkPolicy", "tenant-service")).contains(selector);
        assertThat(manifest(manifests, "NetworkPolicy", "case-service")).doesNotContain(selector);
        // the gateway's API port is open to all (the ingress), its management port is not
        String gateway = manifest(manifests, "NetworkPolicy", "gateway");
        String[] rules = gateway.substring(gateway.indexOf("ingress:")).split("\n    - ports:");
        assertThat(rules).hasSize(3);
        assertThat(rules[1]).contains("port: 8080").doesNotContain("from:");
        assertThat(rules[2]).contains("port: 8130", "kubernetes.io/metadata.name: monitoring");
    }

    /** The chart as installed: the default values, the single-node trial and the HA province install. */
    private static Map<String, String> variants() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("default", render());
        for (String file : List.of("values-trial.yaml", "values-ha.yaml")) {
            out.put(file, new Helm(CHART).template().withName("zwy").withValuesFile(CHART.resolve(file)).call());
        }
        return out;
    }

    private static List<String> documents(String manifests, String kind) {
        return Arrays.stream(manifests.split("\n---")).filter(d -> d.contains("\nkind: " + kind + "\n")).toList();
    }

    /** Every Deployment of every variant: three probes on actuator, CPU and memory limits, a PDB, a NetworkPolicy, hardening. */
    @Test
    void everyDeploymentHasProbesLimitsABudgetAndAPolicy() {
        variants().forEach((variant, manifests) -> {
            for (String service : SERVICES) {
                String d = manifest(manifests, "Deployment", service);
                String as = variant + " " + service;
                assertThat(d).as(as).contains("startupProbe:", "readinessProbe:", "livenessProbe:")
                        .containsPattern("limits:\\n\\s+cpu: \"?\\d+m?\"?\\n\\s+memory: \\d+Mi")
                        .containsPattern("requests:\\n\\s+cpu: \"?\\d+m?\"?\\n\\s+memory: \\d+Mi")
                        .contains("runAsNonRoot: true", "readOnlyRootFilesystem: true", "allowPrivilegeEscalation: false",
                                "automountServiceAccountToken: false", "serviceAccountName: zwy-" + service, "podAntiAffinity:");
                assertThat(manifest(manifests, "PodDisruptionBudget", service)).as(as).contains("minAvailable:");
                assertThat(d).as(as + ": JSON logs").contains("- name: LOGGING_STRUCTURED_FORMAT_CONSOLE\n              value: \"ecs\"");
                assertThat(manifest(manifests, "NetworkPolicy", service)).as(as).contains("policyTypes:");
                assertThat(manifest(manifests, "ServiceAccount", "zwy-" + service)).as(as).contains("automountServiceAccountToken: false");
            }
        });
        // the HA install: autoscaled, never below two serving, hard anti-affinity
        String ha = variants().get("values-ha.yaml");
        for (String service : SERVICES) {
            assertThat(manifest(ha, "HorizontalPodAutoscaler", service)).contains("minReplicas: 3", "averageUtilization:");
            assertThat(manifest(ha, "PodDisruptionBudget", service)).contains("minAvailable: 2");
            // the HPA owns the replica count: a fixed one in the Deployment would fight it at every upgrade
            assertThat(manifest(ha, "Deployment", service)).doesNotContain("\n  replicas:")
                    .contains("requiredDuringSchedulingIgnoredDuringExecution:");
        }
        assertThat(documents(variants().get("values-trial.yaml"), "HorizontalPodAutoscaler")).isEmpty();
    }

    /** No Secret is rendered (all come from existing Secrets) and no secret-looking variable carries a literal value. */
    @Test
    void noSecretValueIsInPlainText() {
        variants().forEach((variant, manifests) -> {
            assertThat(documents(manifests, "Secret")).as(variant).isEmpty();
            Matcher literal = Pattern.compile("- name: (\\w*(PASSWORD|SECRET|_KEYS?|_KEY_ID|TOKEN))\\n\\s+value:").matcher(manifests);
            List<String> plain = new java.util.ArrayList<>();
            while (literal.find()) plain.add(literal.group(1));
            assertThat(plain).as(variant + ": secret variables with a literal value").isEmpty();
        });
    }

    /** Only the gateway is reachable from outside the cluster; every Service is cluster-internal. */
    @Test
    void onlyTheIngressExposesAnythingAndOnlyTheGateway() {
        variants().forEach((variant, manifests) -> {
            for (String svc : documents(manifests, "Service")) {
                assertThat(svc).as(variant).contains("type: ClusterIP").doesNotContain("NodePort").doesNotContain("LoadBalancer");
            }
            for (String ingress : documents(manifests, "Ingress")) {
                assertThat(ingress).as(variant).contains("name: gateway")
                        .doesNotContain("tenant-service").doesNotContain("case-service").doesNotContain("search-service");
            }
        });
    }

    /** Flyway runs once per release, in a hook Job before the pods; the pods themselves never migrate. */
    @Test
    void migrationsRunOncePerReleaseBeforeThePods() throws IOException {
        // `helm template` (helm-java's too) leaves hooks out: the Job as an ordinary resource shows its content,
        // and the template shows that it is a pre-install/pre-upgrade hook by default
        String manifests = new Helm(CHART).template().withName("zwy").set("migrations.helmHook", "false").call();
        assertThat(documents(render(), "Job")).as("hooks are not part of the rendered release").isEmpty();
        assertThat(Files.readString(CHART.resolve("templates/migrations.yaml")))
                .contains("{{- if $root.Values.migrations.helmHook }}", "\"helm.sh/hook\": pre-install,pre-upgrade");
        assertThat(Files.readString(CHART.resolve("values.yaml"))).contains("  helmHook: true");
        for (String service : List.of("tenant-service", "case-service", "search-service")) {
            String job = documents(manifests, "Job").stream().filter(j -> j.contains("name: " + service + "-migrate-"))
                    .findFirst().orElseThrow(() -> new AssertionError("no migration job for " + service));
            assertThat(job).contains("- name: ZWY_MIGRATE_ONLY\n              value: \"true\"",
                    "restartPolicy: Never", "secretKeyRef:");
            assertThat(manifest(manifests, "Deployment", service)).contains("- name: SPRING_FLYWAY_ENABLED\n              value: \"false\"");
        }
        assertThat(documents(manifests, "Job")).noneMatch(j -> j.contains("name: gateway-migrate"));
    }

    /** The HA install monitors itself: a ServiceMonitor on the management ports, the alert rules, the dashboard. */
    @Test
    void haInstallHasMonitorsAlertRulesAndADashboard() throws IOException {
        String ha = variants().get("values-ha.yaml");
        assertThat(documents(ha, "ServiceMonitor")).singleElement().asString().contains("port: management", "path: /actuator/prometheus");
        assertThat(documents(ha, "PrometheusRule")).singleElement().asString().contains("ZwyHighErrorRate", "ZwyHighLatencyP99",
                "ZwyEventConsumerLag", "ZwyOutboxBacklog", "ZwyOverdueTimers");
        String dashboard = manifest(ha, "ConfigMap", "zwy-dashboard");
        assertThat(dashboard).contains("grafana_dashboard: \"1\"", "政务云 平台总览");
        // the dashboard file is valid JSON (Grafana skips a broken one silently)
        tools.jackson.databind.JsonNode json = new tools.jackson.databind.ObjectMapper().readTree(Files.readString(CHART.resolve("dashboards/zwy.json")));
        assertThat(json.path("panels").size()).isGreaterThanOrEqualTo(6);
        // the management ports are reached only through the headless metrics Services, never the API Services
        assertThat(manifest(ha, "Service", "case-service-metrics")).contains("clusterIP: None", "port: 8132");
        assertThat(manifest(ha, "Service", "case-service")).doesNotContain("8132");
        assertThat(documents(render(), "ServiceMonitor")).as("off unless asked for").isEmpty();
    }

    /** Environment variables the service's application.yml reads without a default. */
    private static Set<String> requiredVariables(String service) throws IOException {
        String yml = Files.readString(ROOT.resolve(service).resolve("src/main/resources/application.yml"));
        Set<String> out = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(yml);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
