package cn.zwy.cases.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.cases.api.ReviewApi;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

/** The controller maps exactly the review contract's operations; the reasons and levels agree with V1 and V5. */
class ReviewApiContractTest {

    @Test
    void controllerServesEveryOperationOfTheContract() {
        Set<String> contract = new HashSet<>();
        for (Method m : ReviewApi.class.getMethods()) {
            GetExchange get = m.getAnnotation(GetExchange.class);
            PostExchange post = m.getAnnotation(PostExchange.class);
            if (get != null) contract.add("GET " + get.value());
            if (post != null) contract.add("POST " + post.value());
        }
        Set<String> served = new HashSet<>();
        for (Method m : ReviewController.class.getDeclaredMethods()) {
            GetMapping get = m.getAnnotation(GetMapping.class);
            PostMapping post = m.getAnnotation(PostMapping.class);
            if (get != null) for (String p : get.value()) served.add("GET " + p);
            if (post != null) for (String p : post.value()) served.add("POST " + p);
        }
        assertThat(contract).hasSize(12);
        assertThat(served).isEqualTo(contract);
    }

    @Test
    void fiveLevelsWithTheirScoresAndTheLastTwoBad_V1() {
        assertThat(Reviews.LEVELS).containsEntry("VERY_SATISFIED", 10).containsEntry("SATISFIED", 8).containsEntry("BASICALLY_SATISFIED", 6)
                .containsEntry("DISSATISFIED", 3).containsEntry("VERY_DISSATISFIED", 0).hasSize(5);
        assertThat(Reviews.REASONS).hasSize(ReviewApi.BAD_REASONS.size()).containsKey("ATTITUDE");
    }

    @Test
    void timerIdsRoundTrip() {
        String id = "STEP|441825:3f2504e0-4f89-11d3-9a0c-0305e82c3301|ASSIGNED";
        assertThat(ReviewTimers.TimerId.parse(id).toString()).isEqualTo(id);
        assertThat(ReviewTimers.TimerId.parse("REMIND|441825:3f2504e0-4f89-11d3-9a0c-0305e82c3301").step()).isNull();
    }
}
