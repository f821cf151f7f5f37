package cn.zwy.cases.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.cases.api.CaseApi;
import cn.zwy.cases.api.CaseUpdatesApi;
import cn.zwy.cases.api.StationApi;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

/** The controller maps exactly the contracts' operations (method and path): the gateway's proxy and the service cannot drift apart. */
class CaseApiContractTest {

    @Test
    void controllerServesEveryOperationOfTheContract() {
        Set<String> contract = new HashSet<>();
        for (Method m : concat(CaseApi.class.getMethods(), CaseUpdatesApi.class.getMethods())) {
            GetExchange get = m.getAnnotation(GetExchange.class);
            PostExchange post = m.getAnnotation(PostExchange.class);
            if (get != null) contract.add("GET " + get.value());
            if (post != null) contract.add("POST " + post.value());
        }
        Set<String> served = new HashSet<>();
        for (Method m : CaseController.class.getDeclaredMethods()) {
            GetMapping get = m.getAnnotation(GetMapping.class);
            PostMapping post = m.getAnnotation(PostMapping.class);
            if (get != null) for (String p : get.value().length > 0 ? get.value() : get.path()) served.add("GET " + p);
            if (post != null) for (String p : post.value().length > 0 ? post.value() : post.path()) served.add("POST " + p);
        }
        // CaseApi (15 + 6 of C12/C13 + 2 of the citizen's messages) and CaseUpdatesApi (1)
        assertThat(contract).hasSize(24);
        assertThat(served).isEqualTo(contract);
    }

    @Test
    void stationControllerServesTheStationContract_T3() {
        assertThat(paths(StationController.class.getDeclaredMethods())).hasSize(2).isEqualTo(paths(StationApi.class.getMethods()));
    }

    /** The operations of a contract's or a controller's methods, as "METHOD path". */
    private static Set<String> paths(Method[] methods) {
        Set<String> out = new HashSet<>();
        for (Method m : methods) {
            GetExchange ge = m.getAnnotation(GetExchange.class);
            PostExchange pe = m.getAnnotation(PostExchange.class);
            GetMapping gm = m.getAnnotation(GetMapping.class);
            PostMapping pm = m.getAnnotation(PostMapping.class);
            if (ge != null) out.add("GET " + ge.value());
            if (pe != null) out.add("POST " + pe.value());
            if (gm != null) for (String p : gm.value().length > 0 ? gm.value() : gm.path()) out.add("GET " + p);
            if (pm != null) for (String p : pm.value().length > 0 ? pm.value() : pm.path()) out.add("POST " + p);
        }
        return out;
    }

    private static Method[] concat(Method[] a, Method[] b) {
        Method[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
