package cn.zwy.cases.booking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.cases.api.BookingApi;
import cn.zwy.cases.api.SpecialServiceApi;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

/** The controller maps exactly BookingApi's operations (method and path), and the public reads are GETs of it. */
class BookingApiContractTest {

    @Test
    void controllerServesEveryOperationOfTheContract() {
        Set<String> contract = new HashSet<>();
        for (Method m : BookingApi.class.getMethods()) {
            GetExchange get = m.getAnnotation(GetExchange.class);
            PostExchange post = m.getAnnotation(PostExchange.class);
            if (get != null) contract.add("GET " + get.value());
            if (post != null) contract.add("POST " + post.value());
        }
        Set<String> served = new HashSet<>();
        for (Method m : BookingController.class.getDeclaredMethods()) {
            GetMapping get = m.getAnnotation(GetMapping.class);
            PostMapping post = m.getAnnotation(PostMapping.class);
            if (get != null) for (String p : get.value()) served.add("GET " + p);
            if (post != null) for (String p : post.value()) served.add("POST " + p);
        }
        assertThat(contract).hasSize(12);
        assertThat(served).isEqualTo(contract);
        // what is open without a token: exactly the three public reads, as request-matcher patterns
        assertThat(BookingApi.PUBLIC_READS).containsExactlyInAnyOrder(
                BookingApi.DAYS.replaceAll("\\{[^}/]+}", "*"), BookingApi.SLOTS.replaceAll("\\{[^}/]+}", "*"),
                BookingApi.RULES.replaceAll("\\{[^}/]+}", "*"));
    }

    /** A7's contract (home visits, urgent holiday handling) is served by its controller, operation for operation. */
    @Test
    void specialServiceControllerServesItsContract() {
        Set<String> contract = new HashSet<>();
        for (Method m : SpecialServiceApi.class.getMethods()) {
            GetExchange get = m.getAnnotation(GetExchange.class);
            PostExchange post = m.getAnnotation(PostExchange.class);
            if (get != null) contract.add("GET " + get.value());
            if (post != null) contract.add("POST " + post.value());
        }
        Set<String> served = new HashSet<>();
        for (Method m : SpecialServiceController.class.getDeclaredMethods()) {
            GetMapping get = m.getAnnotation(GetMapping.class);
            PostMapping post = m.getAnnotation(PostMapping.class);
            if (get != null) for (String p : get.value()) served.add("GET " + p);
            if (post != null) for (String p : post.value()) served.add("POST " + p);
        }
        assertThat(contract).hasSize(6);
        assertThat(served).isEqualTo(contract);
    }
}
