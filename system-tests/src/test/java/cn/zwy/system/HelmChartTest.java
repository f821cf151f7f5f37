package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The deployment chart lints and renders (helm's own engine, in-JVM). */
class HelmChartTest {

    private static final Path CHART = Path.of(System.getProperty("user.dir")).getParent().resolve("helm/zwy");

    @Test
    void chartLints() {
        LintResult result = new Helm(CHART).lint().strict().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void onlyTheGatewayIsExposedAndServicesAreProbed() {
        String manifests = new Helm(CHART).template().withName("zwy").set("ingress.enabled", "true").call();
        assertThat(manifests).contains("name: gateway", "name: tenant-service", "name: case-service", "name: search-service");
        assertThat(manifests).contains("/actuator/health/readiness");
        String ingress = manifests.substring(manifests.indexOf("kind: Ingress"));
        assertThat(ingress).contains("name: gateway").doesNotContain("name: tenant-service");
        assertThat(manifests).contains("value: \"false\"");  // no demo data in a cluster
    }
}
