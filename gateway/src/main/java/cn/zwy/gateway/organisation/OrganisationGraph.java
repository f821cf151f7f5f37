package cn.zwy.gateway.organisation;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.gateway.graphql.Connection;
import cn.zwy.gateway.graphql.Ids;
import cn.zwy.gateway.identity.Callers;
import cn.zwy.gateway.organisation.OrganisationInputs.AddHallInput;
import cn.zwy.gateway.organisation.OrganisationInputs.AssignWindowHolderInput;
import cn.zwy.gateway.organisation.OrganisationInputs.CreateDepartmentInput;
import cn.zwy.gateway.organisation.OrganisationInputs.CreateStaffInput;
import cn.zwy.gateway.organisation.OrganisationInputs.CreateWindowInput;
import cn.zwy.gateway.organisation.OrganisationInputs.DisableStaffInput;
import cn.zwy.gateway.organisation.OrganisationInputs.IssueStaffInvitationInput;
import cn.zwy.gateway.organisation.OrganisationInputs.UnassignWindowHolderInput;
import cn.zwy.gateway.organisation.OrganisationInputs.UpdateStaffRolesInput;
import cn.zwy.tenant.api.hall.HallApi;
import cn.zwy.tenant.api.hall.HallView;
import cn.zwy.tenant.api.organisation.OrganisationApi;
import cn.zwy.tenant.api.organisation.OrganisationViews.DepartmentView;
import cn.zwy.tenant.api.organisation.OrganisationViews.WindowView;
import cn.zwy.tenant.api.organisation.StaffInputs;
import cn.zwy.tenant.api.organisation.StaffView;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Halls beyond the main one, staff, departments, windows and AB岗 (T3–T7). Like HallGraph, the
 * gateway refuses a request for a tenant the caller may not read or act for before any service
 * is called; tenant-service checks again with the same token and alone decides what the caller's
 * role allows (ADR 0008).
 */
@Controller
public class OrganisationGraph {

    static final int MAX_FIRST = 100;

    private final OrganisationApi organisation;
    private final HallApi halls;

    public OrganisationGraph(OrganisationApi organisation, HallApi halls) {
        this.organisation = organisation;
        this.halls = halls;
    }

    // ------------------------------------------------------------------ queries

    @QueryMapping
    public Mono<Connection<StaffView>> staff(@Argument String tenantCode, @Argument Integer first,
                                             @Argument String after, @AuthenticationPrincipal Jwt jwt) {
        requireReader(jwt, tenantCode);
        if (first != null && (first < 1 || first > MAX_FIRST)) {
            throw ApiException.validation("first", "first 应在 1 到 " + MAX_FIRST + " 之间");
        }
        return organisation.staff(tenantCode, first, after).map(p -> Connection.of(p, after));
    }

    @QueryMapping
    public Mono<List<DepartmentView>> departments(@Argument String tenantCode, @AuthenticationPrincipal Jwt jwt) {
        requireReader(jwt, tenantCode);
        return organisation.departments(tenantCode);
    }

    @QueryMapping
    public Mono<List<WindowView>> windows(@Argument String tenantCode, @Argument String hallId,
                                          @AuthenticationPrincipal Jwt jwt) {
        requireReader(jwt, tenantCode);
        return organisation.windows(tenantCode, Ids.uuid("hallId", hallId));
    }

    // ------------------------------------------------------------------ mutations

    public record AddHallPayload(HallView hall) {}

    public record StaffPayload(StaffView staff) {}

    public record CreateDepartmentPayload(DepartmentView department, boolean created) {}

    public record CreateWindowPayload(WindowView window, boolean created) {}

    public record WindowPayload(WindowView window) {}

    @MutationMapping
    public Mono<AddHallPayload> addHall(@Argument AddHallInput input, @AuthenticationPrincipal Jwt jwt) {
        requireActsFor(jwt, input.tenantCode());
        return halls.add(input.tenantCode(), input.body()).map(AddHallPayload::new);
    }

    @MutationMapping
    public Mono<StaffInputs.CreateResult> createStaff(@Argument CreateStaffInput input, @AuthenticationPrincipal Jwt jwt) {
        requireActsFor(jwt, input.tenantCode());
        return organisation.createStaff(input.tenantCode(), input.body());
    }

    /** tenant-service decides which accounts the caller may invite (only {@code <tenant>.admin} for a province). */
    @MutationMapping
    public Mono<StaffInputs.Invitation> issueStaffInvitation(@Argument IssueStaffInvitationInput input,
                                                             @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Callers.require(jwt);
        if (!caller.actsFor(input.tenantCode()) && !caller.administers(input.tenantCode())) {
            throw ApiException.forbidden("无权为 " + input.tenantCode() + " 的工作人员签发激活码");
        }
        return organisation.issueInvitation(input.tenantCode(), new StaffInputs.InvitationRequest(input.username()));
    }

    /** Every tenant's accounts: tenant-service lets the platform operator alone run it. */
    @MutationMapping
    public Mono<StaffInputs.Report> reconcileStaff(@AuthenticationPrincipal Jwt jwt) {
        Callers.require(jwt);
        return organisation.reconcile();
    }

    @MutationMapping
    public Mono<StaffPayload> updateStaffRoles(@Argument UpdateStaffRolesInput input, @AuthenticationPrincipal Jwt jwt) {
        requireActsFor(jwt, input.tenantCode());
        return organisation.updateRoles(input.tenantCode(), Ids.uuid("staffId", input.staffId()),
                new StaffInputs.Roles(input.roles())).map(StaffPayload::new);
    }

    @MutationMapping
    public Mono<StaffPayload> disableStaff(@Argument DisableStaffInput input, @AuthenticationPrincipal Jwt jwt) {
        requireActsFor(jwt, input.tenantCode());
        return organisation.disable(input.tenantCode(), Ids.uuid("staffId", input.staffId())).map(StaffPayload::new);
    }

    @MutationMapping
    public Mono<CreateDepartmentPayload> createDepartment(@Argument CreateDepartmentInput input, @AuthenticationPrincipal Jwt jwt) {
        requireActsFor(jwt, input.tenantCode());
        return organisation.createDepartment(input.tenantCode(), input.body())
                .map(c -> new CreateDepartmentPayload(c.value(), c.created()));
    }

    @MutationMapping
    public Mono<CreateWindowPayload> createWindow(@Argument CreateWindowInput input, @AuthenticationPrincipal Jwt jwt) {
        requireActsFor(jwt, input.tenantCode());
        return organisation.createWindow(input.tenantCode(), input.body())
                .map(c -> new CreateWindowPayload(c.value(), c.created()));
    }

    @MutationMapping
    public Mono<WindowPayload> assignWindowHolder(@Argument AssignWindowHolderInput input, @AuthenticationPrincipal Jwt jwt) {
        requireActsFor(jwt, input.tenantCode());
        return organisation.assign(input.tenantCode(), input.body()).map(WindowPayload::new);
    }

    @MutationMapping
    public Mono<WindowPayload> unassignWindowHolder(@Argument UnassignWindowHolderInput input, @AuthenticationPrincipal Jwt jwt) {
        requireActsFor(jwt, input.tenantCode());
        return organisation.unassign(input.tenantCode(), Ids.uuid("windowId", input.windowId()), input.position())
                .map(WindowPayload::new);
    }

    // ------------------------------------------------------------------ helpers

    private static void requireReader(Jwt jwt, String tenantCode) {
        if (!Callers.require(jwt).mayRead(tenantCode)) {
            throw ApiException.forbidden("无权查看 " + tenantCode + " 的工作人员、部门与窗口");
        }
    }

    private static void requireActsFor(Jwt jwt, String tenantCode) {
        if (!Callers.require(jwt).actsFor(tenantCode)) {
            throw ApiException.forbidden("无权修改其他租户（" + tenantCode + "）的组织信息");
        }
    }
}
