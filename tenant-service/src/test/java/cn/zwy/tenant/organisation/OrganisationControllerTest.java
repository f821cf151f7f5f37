package cn.zwy.tenant.organisation;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zwy.common.api.Page;
import cn.zwy.common.error.ServiceErrorsAutoConfiguration;
import cn.zwy.common.events.OutboxPublisher;
import cn.zwy.common.security.ServiceSecurityAutoConfiguration;
import cn.zwy.common.tenant.TenantTransactions;
import cn.zwy.tenant.PublicReadsConfig;
import cn.zwy.tenant.api.organisation.OrganisationApi;
import cn.zwy.tenant.api.region.TenantStatus;
import cn.zwy.tenant.hall.HallRepository;
import cn.zwy.tenant.staff.KeycloakAdmin;
import cn.zwy.tenant.staff.StaffRepository;
import cn.zwy.tenant.staff.StaffRevocations;
import cn.zwy.tenant.staff.StaffService;
import cn.zwy.tenant.tenant.Tenant;
import cn.zwy.tenant.tenant.TenantLookup;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who may manage a centre's staff, departments and windows (T4, T5, T7), at tenant-service's own
 * door: the real controller, security, {@link OrganisationService} and {@link StaffService}, with
 * storage, transactions and Keycloak mocked — every refusal below happens before any of them is
 * touched. OrganisationTest and the cross-tenant matrix prove the same against the real servers.
 */
@WebMvcTest(controllers = OrganisationController.class, properties = {
        "spring.datasource.password=x", "spring.flyway.password=x", "spring.data.redis.password=x",
        "zwy.events.hmac-key=x", "zwy.keycloak.url=http://127.0.0.1:1", "zwy.keycloak.client-secret=x"})
@Import({OrganisationService.class, StaffService.class, PublicReadsConfig.class})
@ImportAutoConfiguration({ServiceSecurityAutoConfiguration.class, ServiceErrorsAutoConfiguration.class})
class OrganisationControllerTest {

    private static final String LIANSHAN = "441825";
    private static final String YANGSHAN = "441823";
    private static final UUID STAFF_ID = UUID.fromString("0b6b3c43-5e3c-4c0b-9a59-2c1f6f0f0101");
    private static final UUID WINDOW_ID = UUID.fromString("0b6b3c43-5e3c-4c0b-9a59-2c1f6f0f0201");

    @Autowired MockMvc mvc;
    @MockitoBean DepartmentRepository departments;
    @MockitoBean WindowRepository windows;
    @MockitoBean AssignmentRepository assignments;
    @MockitoBean StaffRepository staff;
    @MockitoBean HallRepository halls;
    @MockitoBean TenantTransactions tx;
    @MockitoBean TenantLookup lookup;
    @MockitoBean KeycloakAdmin keycloak;
    @MockitoBean OutboxPublisher outbox;
    @MockitoBean StaffRevocations revocations;
    @MockitoBean JdbcTemplate jdbc;

    @BeforeEach
    void tenantsExist() {
        Tenant lianshan = mock(Tenant.class);
        when(lianshan.getStatus()).thenReturn(TenantStatus.ACTIVE);
        when(lookup.require(LIANSHAN)).thenReturn(lianshan);
    }

    private static JwtRequestPostProcessor staff(String tenant, String... roles) {
        return jwt().jwt(j -> j.issuer("http://kc/realms/staff").subject("u-" + tenant).claim("preferred_username", tenant + ".someone")
                .claim("tenant", tenant).claim("realm_access", Map.of("roles", List.of(roles))));
    }

    private static JwtRequestPostProcessor citizen() {
        return jwt().jwt(j -> j.issuer("http://kc/realms/citizen").subject("c-1").claim("realm_access", Map.of("roles", List.of())));
    }

    /** Every write of the organisation and staff API, with a well-formed body. */
    private static List<MockHttpServletRequestBuilder> writes() {
        return List.of(
                post(OrganisationApi.STAFF, LIANSHAN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"441825.wang\",\"familyName\":\"王\",\"givenName\":\"芳\",\"roles\":[\"clerk\"]}"),
                put(OrganisationApi.ROLES, LIANSHAN, STAFF_ID).contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"approver\"]}"),
                post(OrganisationApi.DISABLE, LIANSHAN, STAFF_ID),
                post(OrganisationApi.DEPARTMENTS, LIANSHAN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hallId\":\"" + WINDOW_ID + "\",\"name\":\"市场监管局\"}"),
                post(OrganisationApi.WINDOWS, LIANSHAN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hallId\":\"" + WINDOW_ID + "\",\"number\":\"A03\",\"name\":\"综合受理\",\"kind\":\"COMPREHENSIVE\"}"),
                post(OrganisationApi.ASSIGNMENTS, LIANSHAN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"windowId\":\"" + WINDOW_ID + "\",\"staffId\":\"" + STAFF_ID + "\",\"position\":\"A\"}"),
                delete(OrganisationApi.HOLDER, LIANSHAN, WINDOW_ID, "A"));
    }

    @Test
    void onlyTheCentreAdministratorManagesStaffDepartmentsAndWindows_T7() throws Exception {
        for (JwtRequestPostProcessor who : List.of(staff(LIANSHAN, "clerk", "window_lead"), staff(LIANSHAN, "approver"),
                staff(YANGSHAN, "centre_admin"), staff("44", "provincial_admin"), citizen())) {
            for (MockHttpServletRequestBuilder write : writes()) {
                mvc.perform(write.with(who)).andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN"));
            }
        }
        verifyNoInteractions(tx, staff, departments, windows, assignments, keycloak, outbox, revocations);
    }

    @Test
    void signedOutCallersAreUnauthenticated() throws Exception {
        for (MockHttpServletRequestBuilder write : writes()) {
            mvc.perform(write).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        }
        mvc.perform(get(OrganisationApi.DEPARTMENTS, LIANSHAN)).andExpect(status().isUnauthorized());
        verifyNoInteractions(tx);
    }

    @Test
    void theCentresStaffAndItsProvincesAdministratorReadTheOrganisation_T2() throws Exception {
        when(tx.read(eq(LIANSHAN), any(Supplier.class))).thenReturn(List.of());
        for (JwtRequestPostProcessor who : List.of(staff(LIANSHAN, "clerk"), staff("44", "provincial_admin"))) {
            mvc.perform(get(OrganisationApi.DEPARTMENTS, LIANSHAN).with(who)).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
            mvc.perform(get(OrganisationApi.WINDOWS, LIANSHAN).with(who)).andExpect(status().isOk());
        }
    }

    @Test
    void anotherCentreOrProvinceReadsNothing_T2() throws Exception {
        for (JwtRequestPostProcessor who : List.of(staff(YANGSHAN, "centre_admin"), staff("45", "provincial_admin"), citizen())) {
            mvc.perform(get(OrganisationApi.DEPARTMENTS, LIANSHAN).with(who)).andExpect(status().isForbidden());
            mvc.perform(get(OrganisationApi.WINDOWS, LIANSHAN).with(who)).andExpect(status().isForbidden());
            mvc.perform(get(OrganisationApi.STAFF, LIANSHAN).with(who)).andExpect(status().isForbidden());
        }
        verifyNoInteractions(tx);
    }

    @Test
    void staffPagesAreBoundedOnTheirField() throws Exception {
        when(tx.read(eq(LIANSHAN), any(Supplier.class))).thenReturn(new Page<>(List.of(), false, 0L));
        mvc.perform(get(OrganisationApi.STAFF, LIANSHAN).param("first", "0").with(staff(LIANSHAN, "clerk")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("first"));
        mvc.perform(get(OrganisationApi.STAFF, LIANSHAN).param("first", "10").with(staff(LIANSHAN, "clerk")))
                .andExpect(status().isOk());
    }

    @Test
    void theCentreAdministratorsInputIsCheckedBeforeAnythingIsStored_T4() throws Exception {
        mvc.perform(post(OrganisationApi.WINDOWS, LIANSHAN).with(staff(LIANSHAN, "centre_admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hallId\":\"" + WINDOW_ID + "\",\"number\":\"../1\",\"name\":\"综合受理\",\"kind\":\"COMPREHENSIVE\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("number"));
        mvc.perform(post(OrganisationApi.DEPARTMENTS, LIANSHAN).with(staff(LIANSHAN, "centre_admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"市场监管局\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("hallId"));
        verifyNoInteractions(tx, departments, windows);
    }
}
