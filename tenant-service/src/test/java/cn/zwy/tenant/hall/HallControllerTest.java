package cn.zwy.tenant.hall;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zwy.common.api.Page;
import cn.zwy.common.error.ServiceErrorsAutoConfiguration;
import cn.zwy.common.events.OutboxPublisher;
import cn.zwy.common.security.ServiceSecurityAutoConfiguration;
import cn.zwy.common.tenant.TenantTransactions;
import cn.zwy.tenant.PublicReadsConfig;
import cn.zwy.tenant.api.hall.DayHours;
import cn.zwy.tenant.api.hall.HallApi;
import cn.zwy.tenant.api.hall.HallLevel;
import cn.zwy.tenant.api.hall.HallView;
import cn.zwy.tenant.api.hall.TimeRange;
import cn.zwy.tenant.api.region.TenantStatus;
import cn.zwy.tenant.region.RegionRepository;
import cn.zwy.tenant.tenant.Tenant;
import cn.zwy.tenant.tenant.TenantLookup;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who may do what with a hall, at tenant-service's own door (the gateway checked the tenant first,
 * but the service trusts no gateway): the real controller, security and {@link HallService}, with
 * its storage and transactions mocked — the rules decide before any of them is touched. The system
 * tests prove the same against the real database.
 */
@WebMvcTest(controllers = HallController.class, properties = {
        "spring.datasource.password=x", "spring.flyway.password=x", "spring.data.redis.password=x",
        "zwy.events.hmac-key=x", "zwy.keycloak.url=http://127.0.0.1:1", "zwy.keycloak.client-secret=x"})
@Import({HallService.class, PublicReadsConfig.class})
@ImportAutoConfiguration({ServiceSecurityAutoConfiguration.class, ServiceErrorsAutoConfiguration.class})
class HallControllerTest {

    private static final String LIANSHAN = "441825";
    private static final String YANGSHAN = "441823";
    private static final String PATCH_PHONE = "{\"phone\": \"0763-6612345\"}";

    @Autowired MockMvc mvc;
    @MockitoBean HallRepository halls;
    @MockitoBean HallChangeRepository changes;
    @MockitoBean RegionRepository regions;
    @MockitoBean TenantTransactions tx;
    @MockitoBean OutboxPublisher outbox;
    @MockitoBean TenantLookup lookup;

    private final HallView mainHall = new HallView(UUID.randomUUID(), LIANSHAN, LIANSHAN, HallLevel.COUNTY, true, "连山县政务服务中心",
            "连山县吉田镇", "0763-6612345", List.of(new DayHours(DayOfWeek.MONDAY, List.of(new TimeRange("08:30", "11:30")))), 4,
            Instant.parse("2026-01-01T00:00:00Z"));

    @BeforeEach
    void tenantsExist() {
        Tenant lianshan = mock(Tenant.class);
        when(lianshan.getStatus()).thenReturn(TenantStatus.ACTIVE);
        when(lookup.require(LIANSHAN)).thenReturn(lianshan);
    }

    private static JwtRequestPostProcessor staff(String tenant, String... roles) {
        return jwt().jwt(j -> j.issuer("http://kc/realms/staff").claim("tenant", tenant)
                .claim("realm_access", java.util.Map.of("roles", List.of(roles))));
    }

    @SuppressWarnings("unchecked")
    private void transactionsAnswer(Object answer) {
        when(tx.read(eq(LIANSHAN), any(Supplier.class))).thenReturn(answer);
        when(tx.write(eq(LIANSHAN), any(Supplier.class))).thenReturn(answer);
    }

    @Test
    void theHallIsPublicAndAnswersTheContractsShape() throws Exception {
        transactionsAnswer(mainHall);
        mvc.perform(get(HallApi.HALL, LIANSHAN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("COUNTY"))
                .andExpect(jsonPath("$.openingHours[0].weekday").value("MONDAY"))
                .andExpect(jsonPath("$.openingHours[0].periods[0].opens").value("08:30"));
    }

    @Test
    void theChangeRecordIsNotPublic_A1() throws Exception {
        mvc.perform(get(HallApi.HALL_CHANGES, LIANSHAN))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        verifyNoInteractions(tx);
    }

    @Test
    void centreAdministratorEditsItsHall_A1() throws Exception {
        transactionsAnswer(mainHall);
        mvc.perform(patch(HallApi.HALL, LIANSHAN).with(staff(LIANSHAN, "centre_admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(PATCH_PHONE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value("0763-6612345"));
    }

    @Test
    void clerkCannotEditTheHall_A1() throws Exception {
        mvc.perform(patch(HallApi.HALL, LIANSHAN).with(staff(LIANSHAN, "clerk"))
                        .contentType(MediaType.APPLICATION_JSON).content(PATCH_PHONE))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        verifyNoInteractions(tx, halls, outbox);
    }

    @Test
    void centreAdministratorOfAnotherTenantCannotEditTheHall_T2() throws Exception {
        mvc.perform(patch(HallApi.HALL, LIANSHAN).with(staff(YANGSHAN, "centre_admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(PATCH_PHONE))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        verifyNoInteractions(tx, halls, outbox);
    }

    @Test
    void provincialAdministratorReadsButNeverEditsTheHall_T2() throws Exception {
        mvc.perform(patch(HallApi.HALL, LIANSHAN).with(staff("44", "provincial_admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(PATCH_PHONE))
                .andExpect(status().isForbidden());
        verifyNoInteractions(tx, halls, outbox);

        transactionsAnswer(new Page<>(List.of(), false, 0L));
        mvc.perform(get(HallApi.HALL_CHANGES, LIANSHAN).with(staff("44", "provincial_admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalCount").value(0));
    }

    @Test
    void changeRecordOfAnotherTenantIsRefused_T2() throws Exception {
        mvc.perform(get(HallApi.HALL_CHANGES, LIANSHAN).with(staff(YANGSHAN, "clerk")))
                .andExpect(status().isForbidden());
        mvc.perform(get(HallApi.HALL_CHANGES, LIANSHAN).with(staff("45", "provincial_admin")))
                .andExpect(status().isForbidden());
        verifyNoInteractions(tx);
    }

    @Test
    void aNewHallIsTheCentreAdministratorsAlone_T3() throws Exception {
        String body = "{\"regionCode\": \"441825101\", \"name\": \"吉田镇便民服务中心\", \"address\": \"吉田镇\", \"phone\": \"12345\","
                + " \"openingHours\": []}";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(HallApi.HALLS, LIANSHAN)
                        .with(staff(LIANSHAN, "clerk", "window_lead")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        verifyNoInteractions(tx, halls, outbox);
    }

    @Test
    void mainHallsOfSeveralTenantsArePublicAndLeaveOutTenantsWithoutOne() throws Exception {
        transactionsAnswer(mainHall);
        when(lookup.require(YANGSHAN)).thenThrow(cn.zwy.common.error.ApiException.notFound("tenantCode", "租户不存在: " + YANGSHAN));
        mvc.perform(get(HallApi.MAIN_HALLS).param("tenantCode", YANGSHAN, LIANSHAN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].tenantCode").value(LIANSHAN));
    }

    @Test
    void mainHallsRefuseAMalformedCodeOnItsField() throws Exception {
        mvc.perform(get(HallApi.MAIN_HALLS).param("tenantCode", LIANSHAN, "../x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("tenantCode"));
    }
}
