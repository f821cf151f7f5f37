package cn.zwy.gateway.slice;

import static cn.zwy.gateway.slice.TestCallers.LIANSHAN;
import static cn.zwy.gateway.slice.TestCallers.YANGSHAN;
import static cn.zwy.gateway.slice.TestCallers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.zwy.common.api.Page;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.gateway.calendar.CalendarGraph;
import cn.zwy.gateway.hall.HallGraph;
import cn.zwy.gateway.region.RegionGraph;
import cn.zwy.tenant.api.calendar.CalendarAnswer;
import cn.zwy.tenant.api.calendar.CalendarApi;
import cn.zwy.tenant.api.calendar.HallOpening;
import cn.zwy.tenant.api.hall.HallApi;
import cn.zwy.tenant.api.hall.HallChangeView;
import cn.zwy.tenant.api.hall.HallLevel;
import cn.zwy.tenant.api.hall.HallUpdate;
import cn.zwy.tenant.api.hall.HallView;
import cn.zwy.tenant.api.region.RegionApi;
import cn.zwy.tenant.api.region.RegionLevel;
import cn.zwy.tenant.api.region.RegionView;
import cn.zwy.tenant.api.region.TenantStatus;
import cn.zwy.tenant.api.region.TenantView;
import graphql.execution.instrumentation.ChainedInstrumentation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import reactor.core.publisher.Mono;

/**
 * The hall, region and calendar resolvers against mocked tenant-api contracts: the gateway's
 * tenancy layer refuses before any call, arguments are checked, the service's answers are mapped
 * to the schema's shapes, and role rules are left to the service (ADR 0008).
 */
@GraphQlTest(controllers = {HallGraph.class, RegionGraph.class, CalendarGraph.class}, properties = TestCallers.NO_REDIS)
@Import(SliceConfig.class)
class HallGraphTest {

    private static final UUID MAIN_HALL = UUID.fromString("0b6b3c43-5e3c-4c0b-9a59-2c1f6f0f0001");

    @Autowired ExecutionGraphQlService graphQl;
    @Autowired GraphQlSource source;
    @MockitoBean HallApi halls;
    @MockitoBean RegionApi regions;
    @MockitoBean CalendarApi calendar;

    private static HallView hall(String tenant) {
        return new HallView(MAIN_HALL, tenant, tenant, HallLevel.COUNTY, true, "连山政务服务中心", "连山县某路 1 号",
                "0763-6612345", List.of(), 3, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void hallChangesOfAnotherTenantAreRefusedBeforeAnyServiceCall_T2() {
        var r = as(graphQl, TestCallers.staff(YANGSHAN, "centre_admin"))
                .document("{ hallChanges(tenantCode: \"" + LIANSHAN + "\") { totalCount } }").execute();
        Errors.expect(r, "FORBIDDEN", null);
        verifyNoInteractions(halls);
    }

    @Test
    void hallChangesOfItsProvinceAreReadByTheProvincialAdministrator_T2() {
        when(halls.changes(LIANSHAN, 20, null)).thenReturn(Mono.just(new Page<>(List.of(), false, 0L)));
        var r = as(graphQl, TestCallers.provincialAdmin("44"))
                .document("{ hallChanges(tenantCode: \"" + LIANSHAN + "\") { totalCount } }").execute();
        Errors.none(r);
        r.path("hallChanges.totalCount").entity(Long.class).isEqualTo(0L);
    }

    @Test
    void aDocumentNestedDeeperThanTenLevelsIsRefusedBeforeAnythingRuns() {
        var r = as(graphQl, null).document("{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType {"
                + " ofType { ofType { name } } } } } } } } } } } }").execute();
        Errors.expect(r, "QUERY_TOO_COSTLY", null);
        r.errors().satisfy(errors -> assertThat(errors.getFirst().getExtensions()).containsEntry("maximumDepth", 10));
    }

    @Test
    void everyOperationRunsUnderOneInstrumentationNotAChain() {
        assertThat(source.graphQl().getInstrumentation())
                .isInstanceOf(GraphQlObservationInstrumentation.class)
                .isNotInstanceOf(ChainedInstrumentation.class);
    }

    @Test
    void hallChangesNeedASignedInCaller() {
        var r = as(graphQl, null).document("{ hallChanges(tenantCode: \"" + LIANSHAN + "\") { totalCount } }").execute();
        Errors.expect(r, "UNAUTHENTICATED", null);
        verifyNoInteractions(halls);
    }

    @Test
    void hallChangesPageSizeOutOfRangeIsRefusedOnItsField() {
        var r = as(graphQl, TestCallers.staff(LIANSHAN, "clerk"))
                .document("{ hallChanges(tenantCode: \"" + LIANSHAN + "\", first: 0) { totalCount } }").execute();
        Errors.expect(r, "VALIDATION", "first");
        verifyNoInteractions(halls);
    }

    @Test
    void hallChangesBecomeARelayConnection() {
        HallChangeView a = new HallChangeView("7", MAIN_HALL, Instant.parse("2026-03-01T08:00:00Z"), "u1", "王芳",
                List.of("phone"), null, null);
        HallChangeView b = new HallChangeView("6", MAIN_HALL, Instant.parse("2026-02-01T08:00:00Z"), "u1", "王芳",
                List.of("name"), null, null);
        when(halls.changes(LIANSHAN, 2, "c8")).thenReturn(Mono.just(new Page<>(
                List.of(new Page.Item<>("c7", a), new Page.Item<>("c6", b)), true, 9L)));
        var r = as(graphQl, TestCallers.staff(LIANSHAN, "clerk"))
                .document("{ hallChanges(tenantCode: \"" + LIANSHAN + "\", first: 2, after: \"c8\") {"
                        + " edges { cursor node { id changedFields } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } }")
                .execute();
        Errors.none(r);
        r.path("hallChanges.edges[*].cursor").entityList(String.class).containsExactly("c7", "c6");
        r.path("hallChanges.edges[0].node.changedFields").entityList(String.class).containsExactly("phone");
        r.path("hallChanges.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        r.path("hallChanges.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
        r.path("hallChanges.pageInfo.endCursor").entity(String.class).isEqualTo("c6");
        r.path("hallChanges.totalCount").entity(Long.class).isEqualTo(9L);
    }

    @Test
    void updateHallForAnotherTenantIsRefusedBeforeAnyServiceCall_T2() {
        var r = as(graphQl, TestCallers.staff(YANGSHAN, "centre_admin"))
                .document("mutation { updateHall(input: {tenantCode: \"" + LIANSHAN + "\", phone: \"12345\"}) { hall { phone } } }")
                .execute();
        Errors.expect(r, "FORBIDDEN", null);
        verifyNoInteractions(halls);
    }

    @Test
    void provincialAdministratorReadsButNeverWritesATenantsHall_T2() {
        var r = as(graphQl, TestCallers.provincialAdmin("44"))
                .document("mutation { updateHall(input: {tenantCode: \"" + LIANSHAN + "\", phone: \"12345\"}) { hall { phone } } }")
                .execute();
        Errors.expect(r, "FORBIDDEN", null);
        verifyNoInteractions(halls);
    }

    /** The role rule (only the centre administrator edits the hall) is tenant-service's: its answer is shown as it is. */
    @Test
    void clerksUpdateIsDecidedByTheServiceNotTheGateway() {
        when(halls.update(eq(LIANSHAN), any(HallUpdate.class)))
                .thenReturn(Mono.error(ApiException.forbidden("只有本中心（441825）的管理员可以修改服务大厅信息")));
        var r = as(graphQl, TestCallers.staff(LIANSHAN, "clerk"))
                .document("mutation { updateHall(input: {tenantCode: \"" + LIANSHAN + "\", phone: \"12345\"}) { hall { phone } } }")
                .execute();
        Errors.expect(r, "FORBIDDEN", null);
        verify(halls).update(LIANSHAN, new HallUpdate(null, null, "12345", null, null));
    }

    @Test
    void serviceValidationComesBackOnItsField() {
        when(halls.update(eq(LIANSHAN), any(HallUpdate.class)))
                .thenReturn(Mono.error(new ApiException(ErrorCode.VALIDATION, "电话号码格式不正确", "phone", null)));
        var r = as(graphQl, TestCallers.staff(LIANSHAN, "centre_admin"))
                .document("mutation { updateHall(input: {tenantCode: \"" + LIANSHAN + "\", phone: \"x\"}) { hall { phone } } }")
                .execute();
        Errors.expect(r, "VALIDATION", "phone");
    }

    @Test
    void aTenantWithoutMainHallShowsNullHall() {
        TenantView lianshan = new TenantView(LIANSHAN, "连山壮族瑶族自治县", "COUNTY", TenantStatus.ACTIVE,
                Instant.parse("2026-01-01T00:00:00Z"), null, null);
        when(regions.region(LIANSHAN)).thenReturn(Mono.just(new RegionView(LIANSHAN, "连山壮族瑶族自治县", RegionLevel.COUNTY,
                "4418", lianshan)));
        when(halls.mainHalls(List.of(LIANSHAN))).thenReturn(Mono.just(List.of()));
        var r = as(graphQl, null).document("{ tenant(code: \"" + LIANSHAN + "\") { code status hall { name } } }").execute();
        Errors.none(r);
        r.path("tenant.status").entity(String.class).isEqualTo("ACTIVE");
        r.path("tenant.hall").valueIsNull();
    }

    /** A region list shows each tenant's main hall with one call for all the tenants. */
    @Test
    void mainHallsOfARegionListAreOneCall() {
        TenantView lianshan = new TenantView(LIANSHAN, "连山壮族瑶族自治县", "COUNTY", TenantStatus.ACTIVE, Instant.parse("2026-01-01T00:00:00Z"), null, null);
        TenantView yangshan = new TenantView(YANGSHAN, "阳山县", "COUNTY", TenantStatus.ACTIVE, Instant.parse("2026-01-01T00:00:00Z"), null, null);
        when(regions.regions("4418")).thenReturn(Mono.just(List.of(
                new RegionView(LIANSHAN, "连山壮族瑶族自治县", RegionLevel.COUNTY, "4418", lianshan),
                new RegionView("441802", "清城区", RegionLevel.COUNTY, "4418", null),
                new RegionView(YANGSHAN, "阳山县", RegionLevel.COUNTY, "4418", yangshan))));
        when(halls.mainHalls(List.of(LIANSHAN, YANGSHAN))).thenReturn(Mono.just(List.of(hall(YANGSHAN))));
        var r = as(graphQl, null).document("{ regions(parentCode: \"4418\") { code tenant { code hall { tenantCode } } } }").execute();
        Errors.none(r);
        r.path("regions[0].tenant.hall").valueIsNull();
        r.path("regions[1].tenant").valueIsNull();
        r.path("regions[2].tenant.hall.tenantCode").entity(String.class).isEqualTo(YANGSHAN);
        verify(halls, times(1)).mainHalls(any());
        verify(halls, never()).hall(any());
    }

    @Test
    void nextOpeningWithoutHallIdAsksForTheMainHall_A4() {
        when(halls.hall(LIANSHAN)).thenReturn(Mono.just(hall(LIANSHAN)));
        Instant opens = Instant.parse("2026-03-02T00:30:00Z");
        when(calendar.nextOpening(eq(LIANSHAN), eq(MAIN_HALL), isNull())).thenReturn(Mono.just(new CalendarAnswer<>(
                new HallOpening(MAIN_HALL, false, opens, opens.plusSeconds(3 * 3600), null), List.of("2027 年的节假日安排尚未加载"))));
        var r = as(graphQl, null).document("{ hallNextOpening(tenantCode: \"" + LIANSHAN + "\") { hallId openNow opensAt warnings } }")
                .execute();
        Errors.none(r);
        r.path("hallNextOpening.hallId").entity(String.class).isEqualTo(MAIN_HALL.toString());
        r.path("hallNextOpening.opensAt").entity(String.class).isEqualTo("2026-03-02T00:30:00Z");
        r.path("hallNextOpening.warnings").entityList(String.class).hasSize(1);
    }

    @Test
    void malformedHallIdIsRefusedOnItsFieldBeforeAnyServiceCall() {
        var r = as(graphQl, null).document("{ hallNextOpening(tenantCode: \"" + LIANSHAN + "\", hallId: \"..\") { openNow } }")
                .execute();
        Errors.expect(r, "VALIDATION", "hallId");
        verifyNoInteractions(calendar, halls);
    }

    @Test
    void calendarEditsForAnotherTenantAreRefusedBeforeAnyServiceCall_T2() {
        var r = as(graphQl, TestCallers.staff(YANGSHAN, "centre_admin"))
                .document("mutation { setTenantCalendarDay(input: {tenantCode: \"" + LIANSHAN + "\", date: \"2026-05-06\", working: false, reason: \"停电\"}) { day { date } } }")
                .execute();
        Errors.expect(r, "FORBIDDEN", null);
        verifyNoInteractions(calendar);
    }

    /** The citizen's hall list asks for every hall's status in one call, not one call per hall (A4). */
    @Test
    void openingStatusOfAHallListIsOneCallPerTenant_A4() {
        HallView main = hall(LIANSHAN);
        HallView town = new HallView(UUID.fromString("0b6b3c43-5e3c-4c0b-9a59-2c1f6f0f0002"), LIANSHAN, "441825101", HallLevel.TOWN,
                false, "吉田镇便民服务中心", "吉田镇", "12345", List.of(), 1, Instant.parse("2026-01-01T00:00:00Z"));
        when(halls.halls(LIANSHAN)).thenReturn(Mono.just(List.of(main, town)));
        Instant opens = Instant.parse("2026-03-02T00:30:00Z");
        when(calendar.nextOpenings(eq(LIANSHAN), eq(List.of(main.id(), town.id())), isNull())).thenReturn(Mono.just(List.of(
                new CalendarAnswer<>(new HallOpening(main.id(), true, opens, opens.plusSeconds(3600), null), List.of()),
                new CalendarAnswer<>(new HallOpening(town.id(), false, opens.plusSeconds(86400), opens.plusSeconds(90000), "镇庆"), List.of()))));
        var r = as(graphQl, null).document("{ halls(tenantCode: \"" + LIANSHAN + "\") { name openingStatus { hallId openNow note } } }")
                .execute();
        Errors.none(r);
        r.path("halls[0].openingStatus.openNow").entity(Boolean.class).isEqualTo(true);
        r.path("halls[1].openingStatus.hallId").entity(String.class).isEqualTo(town.id().toString());
        r.path("halls[1].openingStatus.note").entity(String.class).isEqualTo("镇庆");
        verify(calendar, times(1)).nextOpenings(eq(LIANSHAN), any(), isNull());
        verify(calendar, never()).nextOpening(any(), any(), any());
    }
}
