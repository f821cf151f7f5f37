package cn.zwy.cases.queue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.cases.api.QueueApi;
import cn.zwy.cases.api.QueueUpdatesApi;
import java.lang.reflect.Method;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

/** The controller maps exactly the queue contracts' operations; the public reads are those GETs and no other. */
class QueueApiContractTest {

    @Test
    void controllerServesEveryOperationOfTheContracts() {
        Set<String> contract = new HashSet<>();
        for (Class<?> c : new Class<?>[] {QueueApi.class, QueueUpdatesApi.class}) {
            for (Method m : c.getMethods()) {
                GetExchange get = m.getAnnotation(GetExchange.class);
                PostExchange post = m.getAnnotation(PostExchange.class);
                if (get != null) contract.add("GET " + get.value());
                if (post != null) contract.add("POST " + post.value());
            }
        }
        Set<String> served = new HashSet<>();
        for (Method m : QueueController.class.getDeclaredMethods()) {
            GetMapping get = m.getAnnotation(GetMapping.class);
            PostMapping post = m.getAnnotation(PostMapping.class);
            if (get != null) for (String p : get.path().length > 0 ? get.path() : get.value()) served.add("GET " + p);
            if (post != null) for (String p : post.value()) served.add("POST " + p);
        }
        assertThat(contract).hasSize(13);
        assertThat(served).isEqualTo(contract);
        assertThat(QueueApi.PUBLIC_READS).containsExactlyInAnyOrder(star(QueueApi.HALL), star(QueueApi.QUIET_HOURS), star(QueueApi.TICKET),
                star(QueueUpdatesApi.HALL_UPDATES), star(QueueUpdatesApi.TICKET_UPDATES));
    }

    @Test
    void visitorFlowIsCountedPerHalfHour_A6() {
        assertThat(HallQueues.halfHour(LocalTime.of(8, 30))).isEqualTo("08:30");
        assertThat(HallQueues.halfHour(LocalTime.of(8, 59, 59))).isEqualTo("08:30");
        assertThat(HallQueues.halfHour(LocalTime.of(9, 0))).isEqualTo("09:00");
        assertThat(HallQueues.halfHour(LocalTime.of(14, 29))).isEqualTo("14:00");
    }

    private static String star(String path) {
        return path.replaceAll("\\{[^}/]+}", "*");
    }
}
