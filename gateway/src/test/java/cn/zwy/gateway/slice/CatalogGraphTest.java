package cn.zwy.gateway.slice;

import static cn.zwy.gateway.slice.TestCallers.LIANSHAN;
import static cn.zwy.gateway.slice.TestCallers.YANGSHAN;
import static cn.zwy.gateway.slice.TestCallers.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.zwy.common.api.Page;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.gateway.catalog.CatalogGraph;
import cn.zwy.tenant.api.catalog.CaseClass;
import cn.zwy.tenant.api.catalog.CatalogApi;
import cn.zwy.tenant.api.catalog.CrossRegionScope;
import cn.zwy.tenant.api.catalog.GuideStatus;
import cn.zwy.tenant.api.catalog.GuideViews;
import cn.zwy.tenant.api.catalog.ItemType;
import cn.zwy.tenant.api.catalog.LimitUnit;
import cn.zwy.tenant.api.catalog.SixWay;
import cn.zwy.tenant.api.catalog.TimeLimit;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import reactor.core.publisher.Mono;

/** The catalog resolvers against a mocked {@link CatalogApi}: scoped ids, null on NOT_FOUND, tenancy before any call. */
@GraphQlTest(controllers = CatalogGraph.class, properties = TestCallers.NO_REDIS)
@Import(SliceConfig.class)
class CatalogGraphTest {

    private static final UUID ITEM = UUID.fromString("5f0c3c1e-8d2a-4b7e-9c61-0a1b2c3d4e5f");

    @Autowired ExecutionGraphQlService graphQl;
    @MockitoBean CatalogApi catalog;

    @Test
    void itemIdWithoutTenantIsRefusedOnItsField() {
        var r = as(graphQl, null).document("{ item(id: \"" + ITEM + "\") { name } }").execute();
        Errors.expect(r, "VALIDATION", "id");
        verifyNoInteractions(catalog);
    }

    @Test
    void itemIdThatWouldLeaveItsPathIsRefused() {
        var r = as(graphQl, null).document("{ item(id: \"441825:../../../../standard-items/xxxxxxxxxxxxxxxx\") { name } }").execute();
        Errors.expect(r, "VALIDATION", "id");
        verifyNoInteractions(catalog);
    }

    @Test
    void unknownItemIsNullNotAnError() {
        when(catalog.item(LIANSHAN, ITEM)).thenReturn(Mono.error(new ApiException(ErrorCode.NOT_FOUND, "事项不存在", "id", null)));
        var r = as(graphQl, null).document("{ item(id: \"" + LIANSHAN + ":" + ITEM + "\") { name } }").execute();
        Errors.none(r);
        r.path("item").valueIsNull();
    }

    @Test
    void otherFailuresOfASingleReadStayErrors() {
        when(catalog.item(LIANSHAN, ITEM)).thenReturn(Mono.error(ApiException.forbidden("只有本中心工作人员可以查看未发布的事项")));
        var r = as(graphQl, null).document("{ item(id: \"" + LIANSHAN + ":" + ITEM + "\") { name } }").execute();
        Errors.expect(r, "FORBIDDEN", null);
    }

    @Test
    void itemListPassesTheFilterAndMapsThePage() {
        GuideViews.Summary s = new GuideViews.Summary(LIANSHAN + ":" + ITEM, LIANSHAN, "0100000000000", "居民身份证申领",
                ItemType.LICENSE, CaseClass.PROMISED, "公安局", new TimeLimit(5, LimitUnit.WORKING_DAY), List.of(SixWay.NEARBY),
                false, CrossRegionScope.NONE, LIANSHAN + ":" + UUID.randomUUID(), 2, GuideStatus.PUBLISHED, LocalDate.parse("2026-01-01"));
        when(catalog.items(LIANSHAN, "身份证", ItemType.LICENSE, null, SixWay.NEARBY, null, null, null, 20, null))
                .thenReturn(Mono.just(new Page<>(List.of(new Page.Item<>("it1", s)), false, null)));
        var r = as(graphQl, null).document("{ items(tenantCode: \"" + LIANSHAN + "\", filter: {text: \"身份证\", itemType: LICENSE, tag: NEARBY}) {"
                + " edges { cursor node { name itemType promisedLimit { value unit } tags } } pageInfo { hasNextPage endCursor } } }").execute();
        Errors.none(r);
        r.path("items.edges[0].node.name").entity(String.class).isEqualTo("居民身份证申领");
        r.path("items.edges[0].node.promisedLimit.unit").entity(String.class).isEqualTo("WORKING_DAY");
        r.path("items.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        r.path("items.pageInfo.endCursor").entity(String.class).isEqualTo("it1");
    }

    @Test
    void guideEditsForAnotherTenantAreRefusedBeforeAnyServiceCall_T2() {
        var r = as(graphQl, TestCallers.staff(YANGSHAN, "centre_admin"))
                .document("mutation { publishGuide(input: {itemId: \"" + LIANSHAN + ":" + ITEM + "\", reason: \"发布\"}) { warnings } }")
                .execute();
        Errors.expect(r, "FORBIDDEN", null);
        verifyNoInteractions(catalog);
    }

    @Test
    void provincialAdministratorCannotEditATenantsGuide_T2() {
        var r = as(graphQl, TestCallers.provincialAdmin("44"))
                .document("mutation { withdrawGuide(input: {itemId: \"" + LIANSHAN + ":" + ITEM + "\", reason: \"撤回\"}) { warnings } }")
                .execute();
        Errors.expect(r, "FORBIDDEN", null);
        verifyNoInteractions(catalog);
    }

    @Test
    void standardCatalogOfAnotherProvinceIsRefusedBeforeAnyServiceCall() {
        var r = as(graphQl, TestCallers.provincialAdmin("45"))
                .document("mutation { addStandardItem(input: {provinceCode: \"44\", itemType: LICENSE, mainCode: \"001\", subCode: \"001\","
                        + " mainName: \"x\", exerciseLevels: [COUNTY], legalBasis: \"x\", reason: \"x\"}) { flaggedGuides } }")
                .execute();
        Errors.expect(r, "FORBIDDEN", null);
        verifyNoInteractions(catalog);
    }

    @Test
    void standardItemChangeGoesToTheServiceWhichKnowsTheItemsProvince() {
        when(catalog.changeStandardItem(eq(ITEM), any())).thenReturn(Mono.error(
                ApiException.forbidden("只有本省（44）的省级管理员可以变更标准目录")));
        var r = as(graphQl, TestCallers.staff(LIANSHAN, "centre_admin"))
                .document("mutation { changeStandardItem(input: {id: \"" + ITEM + "\", kind: CANCEL, reason: \"取消\"}) { flaggedGuides } }")
                .execute();
        Errors.expect(r, "FORBIDDEN", null);
    }

    @Test
    void flaggedItemsOfAnotherTenantAreRefused_S5() {
        var r = as(graphQl, TestCallers.staff(YANGSHAN, "guide")).document("{ flaggedItems(tenantCode: \"" + LIANSHAN + "\") { id } }")
                .execute();
        Errors.expect(r, "FORBIDDEN", null);
        verifyNoInteractions(catalog);
    }

    @Test
    void standardItemWithMalformedIdIsRefusedOnItsField() {
        var r = as(graphQl, null).document("{ standardItem(id: \"not-a-uuid\") { name } }").execute();
        Errors.expect(r, "VALIDATION", "id");
        verifyNoInteractions(catalog);
    }
}
