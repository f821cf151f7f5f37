package cn.zwy.cases.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.cases.api.ComplaintApi;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

/** The controller maps exactly the complaint contract's operations; every refusal channel has its guidance (P2). */
class ComplaintApiContractTest {

    @Test
    void controllerServesEveryOperationOfTheContract() {
        Set<String> contract = new HashSet<>();
        for (Method m : ComplaintApi.class.getMethods()) {
            GetExchange get = m.getAnnotation(GetExchange.class);
            PostExchange post = m.getAnnotation(PostExchange.class);
            if (get != null) contract.add("GET " + get.value());
            if (post != null) contract.add("POST " + post.value());
        }
        Set<String> served = new HashSet<>();
        for (Method m : ComplaintController.class.getDeclaredMethods()) {
            GetMapping get = m.getAnnotation(GetMapping.class);
            PostMapping post = m.getAnnotation(PostMapping.class);
            if (get != null) for (String p : get.value()) served.add("GET " + p);
            if (post != null) for (String p : post.value()) served.add("POST " + p);
        }
        assertThat(contract).hasSize(14);
        assertThat(served).isEqualTo(contract);
    }

    @Test
    void everyRefusalChannelHasItsGuidance_P2() {
        for (String channel : ComplaintSteps.REFUSAL_CHANNELS) assertThat(ComplaintApi.guidance(channel)).as(channel).isNotBlank();
    }

    @Test
    void timerIdsRoundTrip() {
        String id = "HANDLING|441825:3f2504e0-4f89-11d3-9a0c-0305e82c3301|2026-12-15";
        assertThat(ComplaintTimers.TimerId.parse(id).toString()).isEqualTo(id);
    }

    @Test
    void emailIsMasked() {
        assertThat(Complaints.maskEmail("zhang.san@example.com")).isEqualTo("z***@example.com");
    }
}
