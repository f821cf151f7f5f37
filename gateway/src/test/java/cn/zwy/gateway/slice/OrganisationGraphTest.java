package cn.zwy.gateway.slice;

import static cn.zwy.gateway.slice.TestCallers.LIANSHAN;
import static cn.zwy.gateway.slice.TestCallers.YANGSHAN;
import static cn.zwy.gateway.slice.TestCallers.as;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.zwy.common.api.Page;
import cn.zwy.common.error.ApiException;
import cn.zwy.gateway.organisation.OrganisationGraph;
import cn.zwy.tenant.api.hall.HallApi;
import cn.zwy.tenant.api.organisation.OrganisationApi;
import cn.zwy.tenant.api.organisation.StaffInputs;
import cn.zwy.tenant.api.organisation.StaffView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import reactor.core.publisher.Mono;

/** The organisation resolvers against a mocked {@link OrganisationApi}: personal data behind the tenancy layer. */
@GraphQlTest(controllers = OrganisationGraph.class, properties = TestCallers.NO_REDIS)
@Import(SliceConfig.class)
class OrganisationGraphTest {

    private static final UUID WINDOW = UUID.fromString("9a1e2f3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b");

    @Autowired ExecutionGraphQlService graphQl;
    @MockitoBean OrganisationApi organisation;
    @MockitoBean HallApi halls;

    private static StaffView wangfang() {
        Instant t = Instant.parse("2026-01-05T02:00:00Z");
        return new StaffView(UUID.randomUUID(), LIANSHAN, LIANSHAN + ".wangfang", "王", "芳", "王芳", List.of("clerk"), null,
                true, t, t);
    }

    @Test
    void staffListOfAnotherTenantIsRefusedBeforeAnyServiceCall_T2() {
        var r = as(graphQl, TestCallers.staff(YANGSHAN, "centre_admin"))
                .document("{ staff(tenantCode: \"" + LIANSHAN + "\") { totalCount } }").execute();
        Errors.expect(r, "FORBIDDEN", null);
        verifyNoInteractions(organisation);
    }

    @Test
    void staffListOfAnotherProvinceIsRefusedToAProvincialAdministrator_T2() {
        var r = as(graphQl, TestCallers.provincialAdmin("45"))
                .document("{ staff(tenantCode: \"" + LIANSHAN + "\") { totalCount } }").execute();
        Errors.expect(r, "FORBIDDEN", null);
        verifyNoInteractions(organisation);
    }

    @Test
    void citizensNeverSeeStaff() {
        var r = as(graphQl, TestCallers.citizen()).document("{ staff(tenantCode: \"" + LIANSHAN + "\") { totalCount } }").execute();
        Errors.expect(r, "FORBIDDEN", null);
        verifyNoInteractions(organisation);
    }

    @Test
    void staffListOfItsProvinceIsAConnectionForTheProvincialAdministrator() {
        StaffView w = wangfang();
        when(organisation.staff(LIANSHAN, 20, null)).thenReturn(Mono.just(new Page<>(List.of(new Page.Item<>("s1", w)), false, 1L)));
        var r = as(graphQl, TestCallers.provincialAdmin("44"))
                .document("{ staff(tenantCode: \"" + LIANSHAN + "\") { edges { cursor node { username name roles } } totalCount } }")
                .execute();
        Errors.none(r);
        r.path("staff.edges[0].node.name").entity(String.class).isEqualTo("王芳");
        r.path("staff.totalCount").entity(Long.class).isEqualTo(1L);
    }

    @Test
    void windowsWithAMalformedHallIdAreRefusedOnItsField() {
        var r = as(graphQl, TestCallers.staff(LIANSHAN, "clerk"))
                .document("{ windows(tenantCode: \"" + LIANSHAN + "\", hallId: \"../staff\") { id } }").execute();
        Errors.expect(r, "VALIDATION", "hallId");
        verifyNoInteractions(organisation);
    }

    @Test
    void holderAssignmentWithAMalformedStaffIdIsRefusedOnItsField() {
        var r = as(graphQl, TestCallers.staff(LIANSHAN, "centre_admin"))
                .document("mutation { assignWindowHolder(input: {tenantCode: \"" + LIANSHAN + "\", windowId: \"" + WINDOW
                        + "\", staffId: \"x\", position: A}) { window { id } } }").execute();
        Errors.expect(r, "VALIDATION", "staffId");
        verifyNoInteractions(organisation);
    }

    /** Only the centre administrator manages staff: tenant-service's rule, its refusal shown as it is. */
    @Test
    void clerksStaffCreationIsDecidedByTheService_T7() {
        var body = new StaffInputs.NewStaff(LIANSHAN + ".lisi", "李", "四", List.of("clerk"), null);
        when(organisation.createStaff(LIANSHAN, body)).thenReturn(Mono.error(
                ApiException.forbidden("只有本中心（441825）的管理员可以管理工作人员")));
        var r = as(graphQl, TestCallers.staff(LIANSHAN, "clerk"))
                .document("mutation { createStaff(input: {tenantCode: \"" + LIANSHAN + "\", username: \"" + LIANSHAN
                        + ".lisi\", familyName: \"李\", givenName: \"四\", roles: [\"clerk\"]}) { created } }").execute();
        Errors.expect(r, "FORBIDDEN", null);
        verify(organisation).createStaff(LIANSHAN, body);
    }

    @Test
    void invitationsOfTheProvincesTenantsGoToTheService() {
        when(organisation.issueInvitation(LIANSHAN, new StaffInputs.InvitationRequest(LIANSHAN + ".admin")))
                .thenReturn(Mono.just(new StaffInputs.Invitation(wangfang(), "secret-once")));
        var r = as(graphQl, TestCallers.provincialAdmin("44"))
                .document("mutation { issueStaffInvitation(input: {tenantCode: \"" + LIANSHAN + "\", username: \"" + LIANSHAN
                        + ".admin\"}) { activationSecret } }").execute();
        Errors.none(r);
        r.path("issueStaffInvitation.activationSecret").entity(String.class).isEqualTo("secret-once");
    }

    @Test
    void unassigningAHolderOfAnotherTenantIsRefusedBeforeAnyServiceCall_T2() {
        var r = as(graphQl, TestCallers.staff(YANGSHAN, "centre_admin"))
                .document("mutation { unassignWindowHolder(input: {tenantCode: \"" + LIANSHAN + "\", windowId: \"" + WINDOW
                        + "\", position: B}) { window { id } } }").execute();
        Errors.expect(r, "FORBIDDEN", null);
        verifyNoInteractions(organisation);
    }
}
