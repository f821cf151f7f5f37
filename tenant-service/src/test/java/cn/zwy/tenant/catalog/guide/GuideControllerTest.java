package cn.zwy.tenant.catalog.guide;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
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
import cn.zwy.tenant.api.catalog.CatalogApi;
import cn.zwy.tenant.api.catalog.GuideViews;
import cn.zwy.tenant.api.region.TenantStatus;
import cn.zwy.tenant.catalog.NoticePeriod;
import cn.zwy.tenant.catalog.standard.StandardCatalogService;
import cn.zwy.tenant.region.RegionRepository;
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
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who may edit, publish and withdraw a guide (S3, S6), at tenant-service's own door — the gateway
 * checks only the tenant, the role rule is here: the real controller, security and
 * {@link GuideService}, with storage and transactions mocked. A refusal touches none of them;
 * GuideEditingTest proves the same against the real platform.
 */
@WebMvcTest(controllers = GuideController.class, properties = {
        "spring.datasource.password=x", "spring.flyway.password=x", "spring.data.redis.password=x",
        "zwy.events.hmac-key=x", "zwy.keycloak.url=http://127.0.0.1:1", "zwy.keycloak.client-secret=x"})
@Import({GuideService.class, PublicReadsConfig.class})
@ImportAutoConfiguration({ServiceSecurityAutoConfiguration.class, ServiceErrorsAutoConfiguration.class})
class GuideControllerTest {

    private static final String LIANSHAN = "441825";
    private static final String YANGSHAN = "441823";
    private static final UUID ITEM = UUID.fromString("5f0c3c1e-8d2a-4b7e-9c61-0a1b2c3d4e5f");
    private static final String ANNOUNCEMENT = "{\"reason\": \"依据新规发布\"}";

    @Autowired MockMvc mvc;
    @MockitoBean GuideRepository guides;
    @MockitoBean GuideVersionRepository versions;
    @MockitoBean GuideQueries queries;
    @MockitoBean StandardCatalogService standard;
    @MockitoBean RegionRepository regions;
    @MockitoBean TenantTransactions tx;
    @MockitoBean NoticePeriod notice;
    @MockitoBean OutboxPublisher outbox;
    @MockitoBean TenantLookup lookup;
    @MockitoBean GuideConflicts conflicts;
    @MockitoBean GuideRouting routing;

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

    @Test
    void publishedItemsArePublic_S4() throws Exception {
        when(tx.read(eq(LIANSHAN), any(Supplier.class))).thenReturn(new Page<GuideViews.Summary>(List.of(), false, null));
        mvc.perform(get(CatalogApi.ITEMS, LIANSHAN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hasNextPage").value(false));
    }

    @Test
    void unpublishedItemsAreTheTenantsStaffsAlone() throws Exception {
        mvc.perform(get(CatalogApi.ITEMS, LIANSHAN).param("includeUnpublished", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(get(CatalogApi.ITEMS, LIANSHAN).param("includeUnpublished", "true").with(staff(YANGSHAN, "guide")))
                .andExpect(status().isForbidden());
        verifyNoInteractions(tx, queries);
    }

    @Test
    void draftValidationIsNotPublic() throws Exception {
        mvc.perform(get(CatalogApi.VALIDATION, LIANSHAN, ITEM))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
    }

    @Test
    void clerkCannotSaveADraft_S3() throws Exception {
        mvc.perform(put(CatalogApi.DRAFT, LIANSHAN, ITEM).with(staff(LIANSHAN, "clerk", "guide"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"consultPhone\": \"12345\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        verifyNoInteractions(tx, guides, versions, outbox);
    }

    @Test
    void centreAdministratorOfAnotherTenantCannotPublish_T2() throws Exception {
        mvc.perform(post(CatalogApi.PUBLICATION, LIANSHAN, ITEM).with(staff(YANGSHAN, "centre_admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(ANNOUNCEMENT))
                .andExpect(status().isForbidden());
        verifyNoInteractions(tx, guides, versions, outbox);
    }

    @Test
    void provincialAdministratorCannotWithdrawATenantsGuide_T2() throws Exception {
        mvc.perform(post(CatalogApi.WITHDRAWAL, LIANSHAN, ITEM).with(staff("44", "provincial_admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(ANNOUNCEMENT))
                .andExpect(status().isForbidden());
        verifyNoInteractions(tx, guides, versions, outbox);
    }

    @Test
    void clerkCannotAdoptAStandardItem_S2() throws Exception {
        mvc.perform(post(CatalogApi.ITEMS, LIANSHAN).with(staff(LIANSHAN, "clerk"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"standardItemId\": \"" + UUID.randomUUID() + "\"}"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(tx, guides, versions, outbox);
    }

    @Test
    void centreAdministratorsDraftReachesTheTransaction_S3() throws Exception {
        when(tx.write(eq(LIANSHAN), any(Supplier.class))).thenReturn(new GuideViews.DraftSaved(null, List.of()));
        mvc.perform(put(CatalogApi.DRAFT, LIANSHAN, ITEM).with(staff(LIANSHAN, "centre_admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"consultPhone\": \"12345\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.missingForPublication").isArray());
    }
}
