package cn.zwy.cases.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.cases.api.CaseApi;
import cn.zwy.cases.api.CaseUpdatesApi;
import cn.zwy.cases.api.CrossLevelApi;
import cn.zwy.cases.api.DeemedApprovalApi;
import cn.zwy.cases.api.EntrustmentApi;
import cn.zwy.cases.api.JointReviewApi;
import cn.zwy.cases.api.SupervisionApi;
import cn.zwy.cases.api.StationApi;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * Each controller maps exactly its contracts' operations (method and path): the gateway's proxies and
 * the service cannot drift apart.
 */
class CaseApiContractTest {

    @Test
    void controllerServesEveryOperationOfTheContract() {
        // CaseApi (15 + assign + 6 of C12/C13 + 2 of the citizen's messages + who was shown personal data) and CaseUpdatesApi (1)
        assertThat(contract(CaseApi.class, CaseUpdatesApi.class)).hasSize(27).isEqualTo(served(CaseController.class));
    }

    @Test
    void everyOtherContractIsServedByItsController() {
        assertThat(contract(JointReviewApi.class)).hasSize(5).isEqualTo(served(JointReviewController.class));
        assertThat(contract(CrossLevelApi.class)).hasSize(3).isEqualTo(served(CrossLevelController.class));
        assertThat(contract(SupervisionApi.class)).hasSize(4).isEqualTo(served(SupervisionController.class));
        assertThat(contract(EntrustmentApi.class)).hasSize(2).isEqualTo(served(EntrustmentController.class));
        assertThat(contract(DeemedApprovalApi.class)).hasSize(2).isEqualTo(served(DeemedApprovalController.class));
        assertThat(contract(StationApi.class)).hasSize(3).isEqualTo(served(StationController.class));
    }

    private static Set<String> contract(Class<?>... interfaces) {
        Set<String> out = new HashSet<>();
        for (Class<?> i : interfaces) {
            for (Method m : i.getMethods()) {
                GetExchange get = m.getAnnotation(GetExchange.class);
                PostExchange post = m.getAnnotation(PostExchange.class);
                PutExchange put = m.getAnnotation(PutExchange.class);
                if (get != null) out.add("GET " + get.value());
                if (post != null) out.add("POST " + post.value());
                if (put != null) out.add("PUT " + put.value());
            }
        }
        return out;
    }

    private static Set<String> served(Class<?> controller) {
        Set<String> out = new HashSet<>();
        for (Method m : controller.getDeclaredMethods()) {
            GetMapping get = m.getAnnotation(GetMapping.class);
            PostMapping post = m.getAnnotation(PostMapping.class);
            PutMapping put = m.getAnnotation(PutMapping.class);
            if (get != null) for (String p : paths(get.value(), get.path())) out.add("GET " + p);
            if (post != null) for (String p : paths(post.value(), post.path())) out.add("POST " + p);
            if (put != null) for (String p : paths(put.value(), put.path())) out.add("PUT " + p);
        }
        return out;
    }

    private static List<String> paths(String[] value, String[] path) {
        return List.of(value.length > 0 ? value : path);
    }
}
