package cn.zwy.cases;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * case-service keeps its module boundaries (issue 8, "Shape"): each direct sub-package of
 * {@code cn.zwy.cases} is a module (filing, material, privacy, applicant, report …); verification
 * fails on a dependency cycle between modules or on a module reaching into another's internals
 * (its sub-packages). Modules that must react to each other do it by events, not calls.
 */
class ModularityTest {

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        ApplicationModules.of(CaseServiceApplication.class).verify();
    }
}
