package cn.zwy.cases.filing;

import cn.zwy.cases.api.PackageCaseApi;
import cn.zwy.cases.api.PackageCaseView;
import cn.zwy.cases.api.PackageReceipt;
import cn.zwy.cases.api.SubmitPackageRequest;
import cn.zwy.common.security.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Internal REST of "one thing" package filings (G3): the paths and types of case-api's {@link PackageCaseApi}. */
@RestController
class PackageCaseController {

    private final PackageFiling filings;

    PackageCaseController(PackageFiling filings) {
        this.filings = filings;
    }

    @PostMapping(PackageCaseApi.PACKAGE_CASES)
    PackageReceipt submit(@RequestBody(required = false) SubmitPackageRequest request) {
        return filings.submit(Callers.require(), request);
    }

    @PostMapping(PackageCaseApi.ACCEPTANCE)
    PackageCaseView accept(@PathVariable String id, @RequestBody(required = false) PackageCaseApi.Acceptance body) {
        return filings.acceptAll(Callers.require(), id, body == null ? null : body.window());
    }

    @GetMapping(PackageCaseApi.PACKAGE_CASE)
    PackageCaseView get(@PathVariable String id) {
        return filings.get(Callers.require(), id);
    }
}
