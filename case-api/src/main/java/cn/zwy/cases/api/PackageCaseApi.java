package cn.zwy.cases.api;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Mono;

/** "One thing" package filings (G3): case-service's {@code PackageCaseController}. */
@HttpExchange
public interface PackageCaseApi {

    String PACKAGE_CASES = "/api/package-cases";
    String PACKAGE_CASE = "/api/package-cases/{id}";
    String ACCEPTANCE = "/api/package-cases/{id}/acceptance";

    @PostExchange(PACKAGE_CASES)
    Mono<PackageReceipt> submit(@RequestBody SubmitPackageRequest request);

    @GetExchange(PACKAGE_CASE)
    Mono<PackageCaseView> get(@PathVariable String id);

    /** C10 (一窗受理): the lead window accepts every waiting part at once. */
    record Acceptance(String window) {}

    @PostExchange(ACCEPTANCE)
    Mono<PackageCaseView> accept(@PathVariable String id, @RequestBody Acceptance body);
}
