package cn.zwy.gateway.catalog;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.security.Caller;
import cn.zwy.gateway.graphql.Connection;
import cn.zwy.gateway.identity.Callers;
import cn.zwy.gateway.upstream.ServiceClient;
import cn.zwy.gateway.upstream.ServiceUri;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The catalog: public reads of published guides and standard catalogs, staff edits. tenant-service
 * owns the shapes (its JSON is passed through as maps, matching the SDL) and checks every caller
 * again; this resolver refuses a tenant or province the caller may not act for before calling it.
 */
@Controller
public class CatalogGraph {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
    private static final Pattern SCOPED_ID = Pattern.compile("(\\d{6}|\\d{9}|\\d{12}):[0-9a-fA-F-]{36}");

    private final ServiceClient tenantService;

    public CatalogGraph(@Qualifier("tenantService") ServiceClient tenantService) {
        this.tenantService = tenantService;
    }

    // ------------------------------------------------------------------ public reads

    @QueryMapping
    public Mono<Connection<Object>> items(@Argument String tenantCode, @Argument Map<String, Object> filter,
                                          @Argument Integer first, @Argument String after) {
        Map<String, Object> params = new HashMap<>(filter == null ? Map.of() : filter);
        params.put("first", first);
        params.put("after", after);
        params.values().removeIf(java.util.Objects::isNull);
        Map<String, Object> vars = new HashMap<>(params);
        vars.put("tenantCode", tenantCode);
        // values go in as URI variables, so that they are encoded whatever they contain
        return optionalToken().flatMap(jwt -> page(tenantService.get(u -> {
            u.path("/api/tenants/{tenantCode}/items");
            params.keySet().forEach(k -> u.queryParam(k, "{" + k + "}"));
            return u.build(vars);
        }, MAP, jwt.orElse(null)), after));
    }

    @QueryMapping
    public Mono<Map<String, Object>> item(@Argument String id) {
        String[] s = split("id", id);
        return optionalToken().flatMap(jwt -> orNull(tenantService.get(u -> u.path("/api/tenants/{t}/items/{id}").build(s[0], s[1]),
                MAP, jwt.orElse(null))));
    }

    @SchemaMapping(typeName = "Item", field = "versions")
    public Mono<Connection<Object>> itemVersions(Map<String, Object> item, @Argument Integer first, @Argument String after) {
        String[] s = split("id", (String) item.get("id"));
        return page(tenantService.get(ServiceUri.of("/api/tenants/{t}/items/{id}/versions", s[0], s[1])
                .query("first", first).query("after", after), MAP, null), after);
    }

    @QueryMapping
    public Mono<Map<String, Object>> guideVersion(@Argument String id) {
        String[] s = split("id", id);
        return optionalToken().flatMap(jwt -> orNull(tenantService.get(u -> u.path("/api/tenants/{t}/guide-versions/{id}")
                .build(s[0], s[1]), MAP, jwt.orElse(null))));
    }

    @QueryMapping
    public Mono<Connection<Object>> standardItems(@Argument String provinceCode, @Argument String text, @Argument String itemType,
                                                  @Argument Integer first, @Argument String after) {
        Map<String, Object> params = new HashMap<>();
        params.put("text", text);
        params.put("itemType", itemType);
        params.put("first", first);
        params.put("after", after);
        params.values().removeIf(java.util.Objects::isNull);
        Map<String, Object> vars = new HashMap<>(params);
        vars.put("provinceCode", provinceCode);
        return page(tenantService.get(u -> {
            u.path("/api/provinces/{provinceCode}/standard-items");
            params.keySet().forEach(k -> u.queryParam(k, "{" + k + "}"));
            return u.build(vars);
        }, MAP, null), after);
    }

    @QueryMapping
    public Mono<Map<String, Object>> standardItem(@Argument String id) {
        return orNull(tenantService.get(u -> u.path("/api/standard-items/{id}").build(id), MAP, null));
    }

    @SchemaMapping(typeName = "StandardItem", field = "versions")
    public Mono<Connection<Object>> standardVersions(Map<String, Object> item, @Argument Integer first, @Argument String after) {
        return page(tenantService.get(ServiceUri.of("/api/standard-items/{id}/versions", item.get("id"))
                .query("first", first).query("after", after), MAP, null), after);
    }

    // ------------------------------------------------------------------ staff

    @QueryMapping
    public Mono<Map<String, Object>> validateGuide(@Argument String itemId, @AuthenticationPrincipal Jwt jwt) {
        String[] s = split("itemId", itemId);
        if (!Callers.require(jwt).mayRead(s[0])) throw ApiException.forbidden("无权查看 " + s[0] + " 的办事指南草稿");
        return tenantService.get(u -> u.path("/api/tenants/{t}/items/{id}/validation").build(s[0], s[1]), MAP, jwt);
    }

    /** Items flagged by a change of the standard catalog's legal limits (S5): the tenant's staff and its province's administrator. */
    @QueryMapping
    public Mono<List<Map<String, Object>>> flaggedItems(@Argument String tenantCode, @AuthenticationPrincipal Jwt jwt) {
        if (!Callers.require(jwt).mayRead(tenantCode)) throw ApiException.forbidden("无权查看 " + tenantCode + " 的办事指南");
        return tenantService.get(u -> u.path("/api/tenants/{t}/flagged-items").build(tenantCode), LIST, jwt);
    }

    @MutationMapping
    public Mono<Map<String, Object>> adoptStandardItem(@Argument Map<String, Object> input, @AuthenticationPrincipal Jwt jwt) {
        String tenant = (String) input.get("tenantCode");
        requireEditor(jwt, tenant);
        return tenantService.post(u -> u.path("/api/tenants/{t}/items").build(tenant),
                Map.of("standardItemId", input.get("standardItemId")), Map.class, jwt).map(item -> Map.of("item", item));
    }

    @MutationMapping
    public Mono<Map<String, Object>> saveGuideDraft(@Argument Map<String, Object> input, @AuthenticationPrincipal Jwt jwt) {
        String[] s = split("itemId", (String) input.get("itemId"));
        requireEditor(jwt, s[0]);
        return tenantService.put(u -> u.path("/api/tenants/{t}/items/{id}/draft").build(s[0], s[1]), input.get("guide"), Map.class, jwt)
                .map(CatalogGraph::cast);
    }

    @MutationMapping
    public Mono<Map<String, Object>> publishGuide(@Argument Map<String, Object> input, @AuthenticationPrincipal Jwt jwt) {
        return announce(input, jwt, "publication");
    }

    @MutationMapping
    public Mono<Map<String, Object>> withdrawGuide(@Argument Map<String, Object> input, @AuthenticationPrincipal Jwt jwt) {
        return announce(input, jwt, "withdrawal");
    }

    @MutationMapping
    public Mono<Map<String, Object>> addStandardItem(@Argument Map<String, Object> input, @AuthenticationPrincipal Jwt jwt) {
        String province = (String) input.get("provinceCode");
        requireProvincialAdmin(jwt, province);
        Map<String, Object> body = new HashMap<>(input);
        body.remove("provinceCode");
        return tenantService.post(u -> u.path("/api/provinces/{p}/standard-items").build(province), body, Map.class, jwt)
                .map(CatalogGraph::cast);
    }

    @MutationMapping
    public Mono<Map<String, Object>> changeStandardItem(@Argument Map<String, Object> input, @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Callers.require(jwt);
        if (!caller.isProvincialAdmin()) throw ApiException.forbidden("只有省级管理员可以变更标准目录");
        Map<String, Object> body = new HashMap<>(input);
        Object id = body.remove("id");
        return tenantService.post(u -> u.path("/api/standard-items/{id}/changes").build(id), body, Map.class, jwt)
                .map(CatalogGraph::cast);
    }

    // ------------------------------------------------------------------ helpers

    private Mono<Map<String, Object>> announce(Map<String, Object> input, Jwt jwt, String what) {
        String[] s = split("itemId", (String) input.get("itemId"));
        requireEditor(jwt, s[0]);
        Map<String, Object> body = new HashMap<>();
        body.put("reason", input.get("reason"));
        body.put("effectiveFrom", input.get("effectiveFrom"));
        return tenantService.post(u -> u.path("/api/tenants/{t}/items/{id}/" + what).build(s[0], s[1]), body, Map.class, jwt)
                .map(CatalogGraph::cast);
    }

    private static void requireEditor(Jwt jwt, String tenantCode) {
        Caller caller = Callers.require(jwt);
        if (tenantCode == null || !caller.actsFor(tenantCode)) {
            throw ApiException.forbidden("无权编辑其他租户（" + tenantCode + "）的办事指南");
        }
        if (!caller.hasRole(Caller.CENTRE_ADMIN)) throw ApiException.forbidden("只有中心管理员可以编辑、发布和撤回办事指南");
    }

    private static void requireProvincialAdmin(Jwt jwt, String provinceCode) {
        Caller caller = Callers.require(jwt);
        if (!caller.isProvincialAdmin() || !caller.tenant().orElse("").equals(provinceCode)) {
            throw ApiException.forbidden("只有本省（" + provinceCode + "）的省级管理员可以变更标准目录");
        }
    }

    /** The caller's token when there is one: public reads show more (drafts) to the tenant's staff. */
    private static Mono<Optional<Jwt>> optionalToken() {
        return ReactiveSecurityContextHolder.getContext()
                .map(c -> Optional.ofNullable(c.getAuthentication()).map(a -> a.getPrincipal())
                        .filter(Jwt.class::isInstance).map(Jwt.class::cast))
                .defaultIfEmpty(Optional.empty());
    }

    /** Splits a {@code <tenant>:<uuid>} id; a malformed one is a VALIDATION error on its field. */
    static String[] split(String field, String id) {
        if (id == null || !SCOPED_ID.matcher(id).matches()) {
            throw ApiException.validation(field, "编号格式不正确（应为 区划代码:UUID）: " + id);
        }
        int colon = id.indexOf(':');
        return new String[] {id.substring(0, colon), id.substring(colon + 1)};
    }

    /** NOT_FOUND of a single-object read is a null result, as the schema says. */
    private static Mono<Map<String, Object>> orNull(Mono<Map<String, Object>> m) {
        return m.onErrorResume(e -> e instanceof ApiException a && a.code() == ErrorCode.NOT_FOUND && "id".equals(a.field()),
                e -> Mono.empty());
    }

    @SuppressWarnings("unchecked")
    private static Connection<Object> toConnection(Map<String, Object> page, String after) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        return Connection.of(items, i -> (String) i.get("cursor"), i -> i.get("node"),
                Boolean.TRUE.equals(page.get("hasNextPage")), after != null, items.size());
    }

    private static Mono<Connection<Object>> page(Mono<Map<String, Object>> page, String after) {
        return page.map(p -> toConnection(p, after));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
