package cn.zwy.tenant.calendar;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zwy.common.error.ServiceErrorsAutoConfiguration;
import cn.zwy.common.events.OutboxPublisher;
import cn.zwy.common.security.ServiceSecurityAutoConfiguration;
import cn.zwy.common.tenant.TenantTransactions;
import cn.zwy.tenant.PublicReadsConfig;
import cn.zwy.tenant.api.calendar.CalendarAnswer;
import cn.zwy.tenant.api.calendar.CalendarApi;
import cn.zwy.tenant.api.calendar.CalendarDays;
import cn.zwy.tenant.api.calendar.HallOpening;
import cn.zwy.tenant.api.region.TenantStatus;
import cn.zwy.tenant.hall.HallRepository;
import cn.zwy.tenant.tenant.Tenant;
import cn.zwy.tenant.tenant.TenantLookup;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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

/**
 * Who may change the calendar (C4, A4), at tenant-service's own door: the real controller,
 * security and calendar services, with storage and transactions mocked. A refusal touches none
 * of them; the system tests (CalendarTest) prove the same against the real database.
 */
@WebMvcTest(controllers = CalendarController.class, properties = {
        "spring.datasource.password=x", "spring.flyway.password=x", "spring.data.redis.password=x",
        "zwy.events.hmac-key=x", "zwy.keycloak.url=http://127.0.0.1:1", "zwy.keycloak.client-secret=x"})
@Import({CalendarService.class, CalendarAdmin.class, NationalCalendar.class, PublicReadsConfig.class})
@ImportAutoConfiguration({ServiceSecurityAutoConfiguration.class, ServiceErrorsAutoConfiguration.class})
class CalendarControllerTest {

    private static final String LIANSHAN = "441825";
    private static final String YANGSHAN = "441823";
    private static final String DAY = "2026-12-15";
    private static final String CLOSED = "{\"working\": false, \"reason\": \"停电检修\"}";

    @Autowired MockMvc mvc;
    @MockitoBean TenantCalendarDayRepository tenantDays;
    @MockitoBean HallSpecialDayRepository specialDays;
    @MockitoBean HallRepository halls;
    @MockitoBean TenantLookup lookup;
    @MockitoBean TenantTransactions tx;
    @MockitoBean JdbcTemplate jdbc;
    @MockitoBean OutboxPublisher outbox;

    @BeforeEach
    void lianshanExists() {
        Tenant lianshan = mock(Tenant.class);
        when(lianshan.getStatus()).thenReturn(TenantStatus.ACTIVE);
        when(lookup.require(LIANSHAN)).thenReturn(lianshan);
    }

    private static JwtRequestPostProcessor staff(String tenant, String... roles) {
        return jwt().jwt(j -> j.issuer("http://kc/realms/staff").claim("tenant", tenant)
                .claim("realm_access", Map.of("roles", List.of(roles))));
    }

    private static JwtRequestPostProcessor operator() {
        return jwt().jwt(j -> j.issuer("http://kc/realms/staff").claim("realm_access", Map.of("roles", List.of("platform_operator"))));
    }

    @Test
    void centreAdministratorClosesItsTenantForADay_C4() throws Exception {
        when(tx.write(eq(LIANSHAN), any(Supplier.class)))
                .thenReturn(new CalendarDays.TenantDayView(LocalDate.parse(DAY), false, "停电检修", "lianshan.admin", Instant.now()));
        mvc.perform(put(CalendarApi.TENANT_DAY, LIANSHAN, DAY).with(staff(LIANSHAN, "centre_admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(CLOSED))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.working").value(false))
                .andExpect(jsonPath("$.date").value(DAY));
    }

    @Test
    void clerkCannotChangeTheCalendar_C4() throws Exception {
        mvc.perform(put(CalendarApi.TENANT_DAY, LIANSHAN, DAY).with(staff(LIANSHAN, "clerk", "window_lead"))
                        .contentType(MediaType.APPLICATION_JSON).content(CLOSED))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        verifyNoInteractions(tx, tenantDays);
    }

    @Test
    void centreAdministratorOfAnotherTenantCannotChangeTheCalendar_T2() throws Exception {
        mvc.perform(put(CalendarApi.TENANT_DAY, LIANSHAN, DAY).with(staff(YANGSHAN, "centre_admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(CLOSED))
                .andExpect(status().isForbidden());
        verifyNoInteractions(tx, tenantDays);
    }

    @Test
    void provincialAdministratorCannotChangeATenantsCalendar_T2() throws Exception {
        mvc.perform(put(CalendarApi.TENANT_DAY, LIANSHAN, DAY).with(staff("44", "provincial_admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(CLOSED))
                .andExpect(status().isForbidden());
        verifyNoInteractions(tx, tenantDays);
    }

    @Test
    void aDayWithoutWorkingOrNotIsRefusedOnItsFieldAndNothingIsWritten() throws Exception {
        mvc.perform(put(CalendarApi.TENANT_DAY, LIANSHAN, DAY).with(staff(LIANSHAN, "centre_admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION"))
                .andExpect(jsonPath("$.field").value("working"));
        verifyNoInteractions(tx, tenantDays);
    }

    @Test
    void theNationalCalendarIsThePlatformOperatorsAlone_C4() throws Exception {
        String file = "{\"year\": 2031, \"papers\": [], \"days\": []}";
        mvc.perform(put(CalendarApi.NATIONAL, 2031).with(staff(LIANSHAN, "centre_admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(file))
                .andExpect(status().isForbidden());
        mvc.perform(put(CalendarApi.NATIONAL, 2031).with(staff("44", "provincial_admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(file))
                .andExpect(status().isForbidden());
        verifyNoInteractions(tx, jdbc, outbox);
        // the operator passes the access check; the empty year is then refused on its content
        mvc.perform(put(CalendarApi.NATIONAL, 2031).with(operator()).contentType(MediaType.APPLICATION_JSON).content(file))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION"));
    }

    @Test
    void hallOpeningsArePublicAndAnsweredInOneRead_A4() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        when(tx.read(eq(LIANSHAN), any(Supplier.class))).thenReturn(List.of(
                new CalendarAnswer<>(new HallOpening(a, true, null, null, null), List.of()),
                new CalendarAnswer<>(new HallOpening(b, false, null, null, "镇庆"), List.of())));
        mvc.perform(get(CalendarApi.NEXT_OPENINGS, LIANSHAN).param("hallId", a.toString(), b.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[1].value.hallId").value(b.toString()))
                .andExpect(jsonPath("$[1].value.note").value("镇庆"));
    }

    @Test
    void moreHallsThanOneReadAnswersAreRefused() throws Exception {
        String[] ids = IntStream.range(0, CalendarApi.MAX_HALLS_PER_READ + 1).mapToObj(i -> UUID.randomUUID().toString())
                .collect(Collectors.toList()).toArray(String[]::new);
        mvc.perform(get(CalendarApi.NEXT_OPENINGS, LIANSHAN).param("hallId", ids))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("hallId"));
        verifyNoInteractions(tx);
    }
}
