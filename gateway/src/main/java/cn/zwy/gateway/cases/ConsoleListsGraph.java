package cn.zwy.gateway.cases;

import cn.zwy.cases.api.BookingApi;
import cn.zwy.cases.api.CaseApi;
import cn.zwy.cases.api.CaseSummary;
import cn.zwy.cases.api.JointReviewApi;
import cn.zwy.cases.api.StaffActions;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.DivisionCodes;
import cn.zwy.gateway.graphql.Ids;
import cn.zwy.gateway.identity.Callers;
import java.time.LocalDate;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The staff console's remaining lists (issue 12, ADR 0033): who was shown a case's personal numbers (M3), a hall's
 * appointments of a day by masked name (A1), a department's joint reviews waiting for its opinion (C10). Each is for
 * the tenant's own staff ({@code actsFor}), checked here before any call and again by case-service (ADR 0008).
 */
@Controller
public class ConsoleListsGraph {

    private final CaseApi cases;
    private final BookingApi booking;
    private final JointReviewApi reviews;

    public ConsoleListsGraph(CaseApi cases, BookingApi booking, JointReviewApi reviews) {
        this.cases = cases;
        this.booking = booking;
        this.reviews = reviews;
    }

    @QueryMapping
    public Mono<List<StaffActions.PersonalDataRead>> casePersonalDataReads(@Argument String caseId, @AuthenticationPrincipal Jwt jwt) {
        String id = ownStaff(jwt, CaseGraph.actsFor(jwt, caseId));
        return cases.personalDataReads(id).onErrorMap(CaseGraph::onCaseIdField);
    }

    @QueryMapping
    public Mono<List<BookingApi.DayAppointment>> hallDayAppointments(@Argument String tenantCode, @Argument String hallId,
                                                                     @Argument LocalDate date, @Argument String name,
                                                                     @AuthenticationPrincipal Jwt jwt) {
        tenant(jwt, tenantCode);
        String hall = Ids.uuid("hallId", hallId).toString();
        if (name != null && name.length() > 50) throw ApiException.validation("name", "姓名最多 50 个字");
        return booking.dayList(tenantCode, hall, date, name == null || name.isBlank() ? null : name.strip());
    }

    @QueryMapping
    public Mono<List<JointReviewApi.PendingReview>> pendingJointReviews(@Argument String tenantCode, @Argument String department,
                                                                        @AuthenticationPrincipal Jwt jwt) {
        tenant(jwt, tenantCode);
        if (department != null && department.length() > 100) throw ApiException.validation("department", "部门名称最多 100 个字");
        return reviews.pending(tenantCode, department == null || department.isBlank() ? null : department.strip());
    }

    @SchemaMapping(typeName = "PendingJointReview", field = "case")
    public CaseSummary pendingReviewCase(JointReviewApi.PendingReview p) {
        return p.caseSummary();
    }

    /** Staff of the tenant itself: a citizen, another tenant's staff or a region's administrator are refused. */
    private static void tenant(Jwt jwt, String tenantCode) {
        if (tenantCode == null || !DivisionCodes.isTenant(tenantCode)) {
            throw ApiException.validation("tenantCode", "租户代码应为区划代码: " + tenantCode);
        }
        Caller caller = Callers.require(jwt);
        if (caller.realm() != Realm.STAFF || !caller.actsFor(tenantCode)) {
            throw ApiException.forbidden("只有本中心（" + tenantCode + "）的工作人员可以查看");
        }
    }

    private static String ownStaff(Jwt jwt, String caseId) {
        if (Callers.require(jwt).realm() != Realm.STAFF) throw ApiException.forbidden("只有本中心的工作人员可以查看");
        return caseId;
    }
}
