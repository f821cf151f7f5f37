package cn.zwy.cases.filing;

import cn.zwy.cases.api.PrefillApi;
import cn.zwy.cases.api.PrefilledForm;
import cn.zwy.common.security.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Internal REST of pre-filled forms (G4): the path and types of case-api's {@link PrefillApi}. */
@RestController
class PrefillController {

    private final FormPrefill prefill;

    PrefillController(FormPrefill prefill) {
        this.prefill = prefill;
    }

    @GetMapping(PrefillApi.PREFILLED_FORM)
    PrefilledForm prefilled(@PathVariable String id) {
        return prefill.of(Callers.require(), id);
    }
}
