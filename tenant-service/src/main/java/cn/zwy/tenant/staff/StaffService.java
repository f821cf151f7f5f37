package cn.zwy.tenant.staff;

import cn.zwy.tenant.api.organisation.StaffView;
import cn.zwy.common.api.Page;
import cn.zwy.tenant.api.organisation.StaffInputs.CreateResult;
import cn.zwy.tenant.api.organisation.StaffInputs.Invitation;
import cn.zwy.tenant.api.organisation.StaffInputs.NewStaff;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.events.OutboxPublisher;
import cn.zwy.common.security.Caller;
import cn.zwy.common.tenant.TenantTransactions;
import cn.zwy.tenant.hall.HallRepository;
import cn.zwy.tenant.tenant.Tenant;
import cn.zwy.tenant.tenant.TenantEvents;
import cn.zwy.tenant.tenant.TenantLookup;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClientException;

/**
 * Staff administration (T6, T7) by the tenant's centre administrator, keeping Keycloak in step
 * synchronously (docs/adr/0006): inside the request's transaction the staff row is checked,
 * Keycloak is changed, then the row is written. If Keycloak cannot be reached the request fails
 * with UNAVAILABLE and the transaction rolls back (no DB change). Every Keycloak step checks the
 * current state first and the username is the natural key, so repeating a call is harmless and
 * also repairs a half-done earlier attempt.
 */
@Service
public class StaffService {

    /** The roles a centre administrator may give (T7); never provincial_admin or platform_operator. */
    public static final Set<String> TENANT_ROLES = Set.of("guide", "clerk", "approver", "delivery", "transfer", "agent",
            "window_lead", "supervisor", Caller.CENTRE_ADMIN);
    static final int MAX_PAGE = 100;
    private static final Pattern LOGIN = Pattern.compile("[a-z][a-z0-9_-]{1,29}");
    private static final Pattern CHINESE_NAME = Pattern.compile("[\\p{IsHan}·]{1,20}");
    public static final String EVENT_TYPE = "staff.changed";
    private static final Logger log = LoggerFactory.getLogger(StaffService.class);

    /** What other services learn about a staff change (no personal data beyond the username). */
    public record StaffChanged(UUID staffId, String tenantCode, String username, List<String> roles, String site, boolean enabled) {}

    private final StaffRepository staff;
    private final HallRepository halls;
    private final TenantTransactions tx;
    private final KeycloakAdmin keycloak;
    private final OutboxPublisher outbox;
    private final StaffRevocations revocations;
    private final TenantLookup lookup;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    public StaffService(StaffRepository staff, HallRepository halls, TenantTransactions tx, KeycloakAdmin keycloak,
                        OutboxPublisher outbox, StaffRevocations revocations, TenantLookup lookup,
                        org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.lookup = lookup;
        this.staff = staff;
        this.halls = halls;
        this.tx = tx;
        this.keycloak = keycloak;
        this.outbox = outbox;
        this.revocations = revocations;
    }

    /**
     * Creates the Keycloak account (tenant and site attributes, the realm roles, a one-time
     * activation secret as temporary password: the person must choose a password at the first
     * sign-in) and the staff row. Repeating the same call returns the existing staff member
     * ({@code created = false}, no secret: {@link #issueInvitation} makes a new one); the same
     * username with other details is a CONFLICT.
     */
    public CreateResult create(Caller caller, String tenantCode, NewStaff in) {
        requireAdmin(caller, tenantCode);
        String username = username(tenantCode, in.username());
        String family = chineseName("familyName", in.familyName(), "姓");
        String given = chineseName("givenName", in.givenName(), "名");
        SortedSet<String> roles = roles(in.roles());
        String site = in.site() == null || in.site().isBlank() ? null : in.site().strip();
        return tx.write(tenantCode, () -> {
            lockUsername(username);
            if (site != null) requireSite(tenantCode, site);
            var existing = staff.findByUsername(username);
            if (existing.isPresent()) {
                Staff s = existing.get();
                if (s.getFamilyName().equals(family) && s.getGivenName().equals(given) && s.roleSet().equals(roles)
                        && Objects.equals(s.getSite(), site) && s.isEnabled()) {
                    return new CreateResult(Staff.view(s), false, null);
                }
                throw ApiException.conflict("username", "用户名已被本中心另一名工作人员使用: " + username);
            }
            String secret = ActivationSecret.generate();
            String keycloakId = keycloak(() -> ensureAccount(tenantCode, username, family, given, roles, site, secret));
            Staff s;
            try {
                // the id is assigned, so Spring Data merges: keep the managed copy (it has the tenant id)
                s = staff.saveAndFlush(new Staff(username, family, given, roles, site, keycloakId, caller.username()));
            } catch (DataIntegrityViolationException e) {
                throw ApiException.conflict("username", "用户名已被使用: " + username);
            }
            publish(s);
            log.info("staff {} of tenant {} created by {} with roles {}", username, tenantCode, caller.username(), roles);
            return new CreateResult(Staff.view(s), true, secret);
        });
    }

    /** Replaces the staff member's roles, in Keycloak and here. The same roles again: nothing changes. */
    public StaffView updateRoles(Caller caller, String tenantCode, UUID staffId, List<String> newRoles) {
        requireAdmin(caller, tenantCode);
        SortedSet<String> roles = roles(newRoles);
        return tx.write(tenantCode, () -> {
            Staff s = lock(staffId);
            if (!s.isEnabled()) throw ApiException.conflict("staffId", "该工作人员已停用: " + s.getUsername());
            if (s.getUsername().equals(caller.username()) && !roles.contains(Caller.CENTRE_ADMIN)) {
                throw ApiException.validation("roles", "不能取消自己的中心管理员角色");
            }
            keycloak(() -> {
                keycloak.setRealmRoles(accountId(s), roles, TENANT_ROLES);
                return null;
            });
            if (!s.roleSet().equals(roles)) {
                s.setRoles(roles);
                staff.saveAndFlush(s);
                publish(s);
                log.info("roles of staff {} of tenant {} set to {} by {}", s.getUsername(), tenantCode, roles, caller.username());
            }
            return Staff.view(s);
        });
    }

    /**
     * Disables the account (it can no longer sign in), ends its sessions, puts it on the
     * revocation list (its access tokens are refused at once) and disables the staff row.
     * Repeating it is harmless.
     */
    public StaffView disable(Caller caller, String tenantCode, UUID staffId) {
        requireAdmin(caller, tenantCode);
        return tx.write(tenantCode, () -> {
            Staff s = lock(staffId);
            if (s.getUsername().equals(caller.username())) {
                throw ApiException.validation("staffId", "不能停用自己的账号");
            }
            keycloak(() -> {
                String id = accountId(s);
                keycloak.setEnabled(id, false);
                keycloak.logout(id);
                return null;
            });
            revoke(s.getKeycloakId());
            if (s.isEnabled()) {
                s.disable();
                staff.saveAndFlush(s);
                publish(s);
                log.info("staff {} of tenant {} disabled by {}", s.getUsername(), tenantCode, caller.username());
            }
            return Staff.view(s);
        });
    }

    /**
     * Issues a new one-time activation secret for a staff member's account: the first one was
     * lost, never handed over, or (for the {@code <tenant>.admin} made by onboarding, which has
     * no password at all) never existed. Allowed to the tenant's centre administrator for its
     * staff, and to whoever may onboard the tenant (its province's administrator, a platform
     * operator) for the tenant's administrator account only. The account's earlier password and
     * sessions stop working; disabled staff get none.
     */
    public Invitation issueInvitation(Caller caller, String tenantCode, String username) {
        Tenant tenant = lookup.require(tenantCode);
        if (username == null || username.isBlank()) throw ApiException.validation("username", "用户名不能为空");
        String name = username.strip();
        boolean admin = name.equals(TenantEvents.adminUsername(tenantCode));
        if (!caller.isCentreAdminOf(tenantCode) && !(admin && caller.administers(tenantCode))) {
            throw ApiException.forbidden(admin ? "只有本中心管理员、所在省份的省级管理员或平台运营人员可以为 " + name + " 签发激活码"
                    : "只有本中心（" + tenantCode + "）的管理员可以为工作人员签发激活码");
        }
        TenantLookup.requireActive(tenant);
        return tx.write(tenantCode, () -> {
            Staff s = staff.findByUsername(name)
                    .orElseThrow(() -> ApiException.notFound("username", "本租户没有该工作人员: " + name));
            if (!s.isEnabled()) throw ApiException.conflict("username", "该工作人员已停用: " + name);
            String secret = ActivationSecret.generate();
            keycloak(() -> {
                String id = keycloak.find(name).map(KeycloakAdmin.StaffAccount::id).orElseThrow(() -> new ApiException(
                        ErrorCode.CONFLICT, "账号尚未在统一身份认证中建立，请稍后重试: " + name, "username", null));
                if (s.getKeycloakId() == null) s.linkAccount(id);
                keycloak.setTemporaryPassword(id, secret);
                return null;
            });
            staff.saveAndFlush(s);
            log.info("activation secret for staff {} of tenant {} issued by {}", name, tenantCode, caller.username());
            return new Invitation(Staff.view(s), secret);
        });
    }

    /** The tenant's staff by username: its own staff and its province's administrator; never public. */
    public Page<StaffView> list(Caller caller, String tenantCode, Integer first, String after) {
        lookup.require(tenantCode);
        if (!caller.mayRead(tenantCode)) throw ApiException.forbidden("无权查看 " + tenantCode + " 的工作人员");
        int size = first == null ? 20 : first;
        if (size < 1 || size > MAX_PAGE) throw ApiException.validation("first", "first 应在 1 到 " + MAX_PAGE + " 之间");
        String afterName = after == null ? null : decodeCursor(after);
        return tx.read(tenantCode, () -> {
            List<Staff> rows = afterName == null ? staff.findAllByOrderByUsername(Limit.of(size + 1))
                    : staff.findByUsernameGreaterThanOrderByUsername(afterName, Limit.of(size + 1));
            List<Page.Item<StaffView>> items = rows.stream().limit(size)
                    .map(s -> new Page.Item<>(encodeCursor(s.getUsername()), Staff.view(s))).toList();
            return new Page<>(items, rows.size() > size, staff.count());
        });
    }

    /**
     * The staff row of a new tenant's administrator {@code <tenant>.admin} (T7: every account with
     * a tenant claim has its record). Called inside the onboarding transaction, bound to the new
     * tenant; its account is made afterwards from the event path (StaffProvisioner), without a
     * password, and linked to this row there. Present already (re-onboarding): nothing to do.
     */
    public void recordAdministrator(String tenantCode, String tenantName) {
        String username = TenantEvents.adminUsername(tenantCode);
        if (staff.findByUsername(username).isPresent()) return;
        Staff s = staff.saveAndFlush(new Staff(username, administratorFamilyName(tenantName), ADMIN_GIVEN_NAME,
                new TreeSet<>(Set.of(Caller.CENTRE_ADMIN)), null, null, "onboarding"));
        publish(s);
    }

    /**
     * Links the administrator's row to the account the provisioner made, creating the row if the
     * tenant was onboarded before rows were made at onboarding. Repeating it is harmless.
     */
    public void linkAdministrator(String tenantCode, String tenantName, String keycloakId) {
        tx.write(tenantCode, () -> {
            String username = TenantEvents.adminUsername(tenantCode);
            var row = staff.findByUsername(username);
            if (row.isEmpty()) {
                recordAdministrator(tenantCode, tenantName);
                row = staff.findByUsername(username);
            }
            Staff s = row.orElseThrow();
            if (!keycloakId.equals(s.getKeycloakId())) {
                s.linkAccount(keycloakId);
                staff.saveAndFlush(s);
            }
            return null;
        });
    }

    /** Whether each of the tenant's staff is enabled in its record, by username. */
    public Map<String, Boolean> enabledByUsername(String tenantCode) {
        return tx.read(tenantCode, () -> {
            Map<String, Boolean> out = new HashMap<>();
            for (Staff s : staff.findAll()) out.put(s.getUsername(), s.isEnabled());
            return out;
        });
    }

    /**
     * A staff row for an account that has none (reconciliation, T7), from the account's names,
     * site attribute and T7 realm roles; runs inside the tenant's write transaction.
     */
    Staff recordFromAccount(KeycloakAdmin.StaffAccount a, SortedSet<String> roles, boolean enabled) {
        Staff s = staff.saveAndFlush(new Staff(a.username(), nameOrElse(a.lastName(), "未知"), nameOrElse(a.firstName(), "未知"),
                roles, a.attribute("site"), a.id(), "reconciliation"));
        if (!enabled) s.disable();
        staff.saveAndFlush(s);
        publish(s);
        return s;
    }

    private static String nameOrElse(String name, String fallback) {
        if (name == null || name.isBlank()) return fallback;
        String n = name.strip();
        return n.length() > 20 ? n.substring(0, 20) : n;
    }

    /** 阳山县 → the administrator's record is 阳山县 管理员 (family and given name columns hold at most 20). */
    static String administratorFamilyName(String tenantName) {
        String n = tenantName == null || tenantName.isBlank() ? "租户" : tenantName.strip();
        return n.length() > 20 ? n.substring(0, 20) : n;
    }

    static final String ADMIN_GIVEN_NAME = "管理员";

    /**
     * Records a staff member whose Keycloak account already exists (the demo users of the realm
     * file): does NOT touch Keycloak. Only for demo data; returns the existing row when present.
     */
    public StaffView recordExistingAccount(String tenantCode, String username, String family, String given,
                                           List<String> roles, String site) {
        return tx.write(tenantCode, () -> staff.findByUsername(username).map(Staff::view).orElseGet(() -> {
            Staff s = staff.saveAndFlush(new Staff(username, family, given, new TreeSet<>(roles), site, null, "demo"));
            return Staff.view(s);
        }));
    }

    /**
     * Serialises everything that creates the row of one username until its transaction ends:
     * createStaff makes the Keycloak account before it writes the row, and the reconciliation
     * must not take that moment for drift and write a row of its own.
     */
    void lockUsername(String username) {
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))::text", String.class, "zwy:staff:" + username);
    }

    private String ensureAccount(String tenantCode, String username, String family, String given,
                                 SortedSet<String> roles, String site, String secret) {
        var account = keycloak.find(username);
        if (account.isPresent()) {
            // an earlier attempt created it (or someone did by hand): adopt it only if it is this tenant's
            List<String> tenantAttr = account.get().attributes() == null ? List.of()
                    : account.get().attributes().getOrDefault("tenant", List.of());
            if (!tenantAttr.equals(List.of(tenantCode))) {
                throw ApiException.conflict("username", "Keycloak 中已有同名账号且不属于本租户: " + username);
            }
            // adopted (an earlier attempt failed before the row was written, so its secret was
            // never shown): this call's secret replaces whatever password it had
            keycloak.setTemporaryPassword(account.get().id(), secret);
        } else {
            Map<String, List<String>> attributes = new HashMap<>();
            attributes.put("tenant", List.of(tenantCode));
            if (site != null) attributes.put("site", List.of(site));
            try {
                keycloak.create(username, given, family, attributes, secret);
            } catch (org.springframework.web.client.HttpClientErrorException.Conflict e) {
                // a concurrent identical call created it a moment ago: adopt it, with this call's secret
                keycloak.find(username).ifPresent(a -> keycloak.setTemporaryPassword(a.id(), secret));
            }
        }
        String id = keycloak.find(username).orElseThrow(() -> new IllegalStateException("account " + username + " not found after create")).id();
        keycloak.setRealmRoles(id, roles, TENANT_ROLES);
        return id;
    }

    private String accountId(Staff s) {
        if (s.getKeycloakId() != null) return s.getKeycloakId();
        String id = keycloak.find(s.getUsername())
                .orElseThrow(() -> new ApiException(ErrorCode.CONFLICT, "Keycloak 中没有账号 " + s.getUsername(), "staffId", null)).id();
        s.linkAccount(id);
        return id;
    }

    private void revoke(String keycloakId) {
        try {
            revocations.revoke(keycloakId);
        } catch (org.springframework.dao.DataAccessException e) {
            log.warn("revocation list not written: {}", e.toString());
            throw new ApiException(ErrorCode.UNAVAILABLE, "账号已在统一身份认证中停用，但登录令牌的撤销名单（Redis）暂不可用，请稍后重试", null, null);
        }
    }

    private <T> T keycloak(Supplier<T> call) {
        try {
            return call.get();
        } catch (RestClientException | IllegalStateException e) {
            log.warn("Keycloak call failed: {}", e.toString());
            throw new ApiException(ErrorCode.UNAVAILABLE, "统一身份认证（Keycloak）暂不可用，未做任何修改，请稍后重试", null, null);
        }
    }

    private Staff lock(UUID staffId) {
        if (staffId == null) throw ApiException.validation("staffId", "缺少 staffId");
        return staff.lock(staffId).orElseThrow(() -> ApiException.notFound("staffId", "本租户没有该工作人员: " + staffId));
    }

    private void requireSite(String tenantCode, String site) {
        if (!halls.existsByRegionCode(site)) {
            throw ApiException.validation("site", "site 应为本租户某一服务大厅的行政区划代码: " + site);
        }
    }

    private void publish(Staff s) {
        outbox.publish(EVENT_TYPE, s.getTenantId(), "staff", s.getId().toString(),
                new StaffChanged(s.getId(), s.getTenantId(), s.getUsername(), List.copyOf(s.roleSet()), s.getSite(), s.isEnabled()));
    }

    private Tenant requireAdmin(Caller caller, String tenantCode) {
        Tenant tenant = lookup.require(tenantCode);
        if (!caller.isCentreAdminOf(tenantCode)) {
            throw ApiException.forbidden("只有本中心（" + tenantCode + "）的管理员可以管理工作人员");
        }
        TenantLookup.requireActive(tenant);
        return tenant;
    }


    /** {@code <tenantCode>.<login>}, login: lower-case letter, then 1–29 of a–z, 0–9, _ and -. */
    static String username(String tenantCode, String value) {
        if (value == null || value.isBlank()) throw ApiException.validation("username", "用户名不能为空");
        String v = value.strip();
        String prefix = tenantCode + ".";
        if (!v.startsWith(prefix) || !LOGIN.matcher(v.substring(prefix.length())).matches()) {
            throw ApiException.validation("username", "用户名格式应为 " + prefix + "<登录名>（登录名：小写字母开头，2–30 位小写字母、数字、_ 或 -）: " + value);
        }
        return v;
    }

    static String chineseName(String field, String value, String label) {
        String v = value == null ? "" : value.strip();
        if (!CHINESE_NAME.matcher(v).matches()) {
            throw ApiException.validation(field, label + "应为 1–20 个汉字（可含间隔号 ·）: " + value);
        }
        return v;
    }

    static SortedSet<String> roles(List<String> given) {
        if (given == null || given.isEmpty()) throw ApiException.validation("roles", "至少需要一个角色");
        SortedSet<String> out = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        for (String r : given) {
            if (r != null && TENANT_ROLES.contains(r.strip())) out.add(r.strip()); else unknown.add(String.valueOf(r));
        }
        if (!unknown.isEmpty()) {
            throw ApiException.validation("roles", "角色不在本中心可授予的范围内（" + String.join("、", new TreeSet<>(TENANT_ROLES))
                    + "）: " + String.join("、", unknown));
        }
        return out;
    }

    static String encodeCursor(String username) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("st:" + username).getBytes(StandardCharsets.UTF_8));
    }

    static String decodeCursor(String cursor) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!s.startsWith("st:")) throw new IllegalArgumentException();
            return s.substring(3);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.VALIDATION, "分页游标无效: " + cursor, "after", null);
        }
    }
}
