package cn.zwy.tenant.staff;

import cn.zwy.tenant.api.organisation.StaffInputs.Report;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.tenant.TenantTransactions;
import cn.zwy.tenant.tenant.Tenant;
import cn.zwy.tenant.tenant.TenantRepository;
import cn.zwy.tenant.api.region.TenantStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * T7: every Keycloak account with a tenant claim has its staff record, and a record that says
 * "disabled" (or a suspended tenant) means a disabled account. Compares the staff realm's
 * accounts with the staff rows of every tenant, reports the drift (log and result) and repairs
 * what can be repaired safely:
 * <ul>
 * <li>an account without a row gets one, from its names, site attribute and T7 roles (disabled if
 *     the account is, or the tenant suspended);</li>
 * <li>an enabled account whose row is disabled, or whose tenant is suspended, is disabled, signed
 *     out and put on the revocation list;</li>
 * <li>a row without an account and an account naming no tenant of ours are only reported: making
 *     an account needs an invitation, and deleting one is a person's decision.</li>
 * </ul>
 * It never enables an account. A row is written under the same per-username lock createStaff
 * holds while it makes the account, so an account whose createStaff is still in flight is not
 * taken for drift; rows younger than {@link #GRACE} are not reported as lacking an account (the
 * onboarding writes the administrator's row before the event path makes the account). Runs one
 * minute after start (and after the demo seeding) and then every
 * {@code zwy.staff.reconcile-interval}, and on demand for a platform operator.
 */
@Component
public class StaffReconciliation {

    private static final Logger log = LoggerFactory.getLogger(StaffReconciliation.class);
    static final Duration GRACE = Duration.ofMinutes(2);
    private static final int PAGE = 500;

    private final KeycloakAdmin keycloak;
    private final StaffService service;
    private final StaffRepository staff;
    private final TenantRepository tenants;
    private final TenantTransactions tx;
    private final StaffRevocations revocations;

    public StaffReconciliation(KeycloakAdmin keycloak, StaffService service, StaffRepository staff, TenantRepository tenants,
                               TenantTransactions tx, StaffRevocations revocations) {
        this.keycloak = keycloak;
        this.service = service;
        this.staff = staff;
        this.tenants = tenants;
        this.tx = tx;
        this.revocations = revocations;
    }

    /** The operator's run (POST /api/staff/reconcile, GraphQL reconcileStaff). */
    public Report run(Caller caller) {
        if (!caller.isPlatformOperator()) throw ApiException.forbidden("只有平台运营人员可以核对工作人员账号");
        log.info("staff reconciliation started by {}", caller.username());
        return reconcile();
    }

    @Scheduled(initialDelayString = "${zwy.staff.reconcile-initial-delay:PT1M}", fixedDelayString = "${zwy.staff.reconcile-interval:PT1H}")
    void scheduled() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("staff reconciliation failed, next attempt at the next interval: {}", e.toString());
        }
    }

    /** One pass over every account and every tenant; see the class comment. */
    public synchronized Report reconcile() {
        Instant cutoff = Instant.now().minus(GRACE);
        List<KeycloakAdmin.StaffAccount> accounts = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            List<KeycloakAdmin.StaffAccount> page = keycloak.page(first, PAGE);
            accounts.addAll(page);
            if (page.size() < PAGE) break;
        }
        Map<String, List<KeycloakAdmin.StaffAccount>> byTenant = new HashMap<>();
        for (KeycloakAdmin.StaffAccount a : accounts) {
            String tenant = a.attribute("tenant");
            // no tenant: platform operator; two digits: a province, i.e. a provincial administrator
            if (tenant == null || tenant.length() <= 2) continue;
            byTenant.computeIfAbsent(tenant, t -> new ArrayList<>()).add(a);
        }
        Map<String, TenantStatus> known = new HashMap<>();
        tx.platform(() -> tenants.findAll()).forEach((Tenant t) -> known.put(t.getCode(), t.getStatus()));

        List<String> created = new ArrayList<>();
        List<String> disabled = new ArrayList<>();
        List<String> withoutAccount = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        byTenant.forEach((code, list) -> {
            if (!known.containsKey(code)) list.forEach(a -> unknown.add(a.username()));
        });
        for (Map.Entry<String, TenantStatus> t : known.entrySet()) {
            String code = t.getKey();
            boolean active = t.getValue() == TenantStatus.ACTIVE;
            List<KeycloakAdmin.StaffAccount> own = byTenant.getOrDefault(code, List.of());
            try {
                tx.write(code, () -> {
                    Map<String, Staff> rows = new HashMap<>();
                    for (Staff s : staff.findAll()) rows.put(s.getUsername(), s);
                    Set<String> seen = new HashSet<>();
                    for (KeycloakAdmin.StaffAccount a : own) {
                        seen.add(a.username());
                        Staff row = rows.get(a.username());
                        if (row == null) {
                            service.lockUsername(a.username());
                            if (staff.findByUsername(a.username()).isPresent()) continue;   // createStaff just committed it
                            SortedSet<String> roles = new TreeSet<>(keycloak.realmRoles(a.id()));
                            roles.retainAll(StaffService.TENANT_ROLES);
                            service.recordFromAccount(a, roles, a.enabled() && active);
                            created.add(a.username());
                        } else {
                            if (row.getKeycloakId() == null) {
                                row.linkAccount(a.id());
                                staff.saveAndFlush(row);
                            }
                            if (a.enabled() && (!row.isEnabled() || !active)) {
                                keycloak.setEnabled(a.id(), false);
                                keycloak.logout(a.id());
                                revocations.revoke(a.id());
                                disabled.add(a.username());
                            }
                        }
                    }
                    for (Staff s : rows.values()) {
                        if (!seen.contains(s.getUsername()) && s.getCreatedAt().isBefore(cutoff)) withoutAccount.add(s.getUsername());
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                log.warn("staff reconciliation of tenant {} failed: {}", code, e.toString());
            }
        }
        Report report = new Report(accounts.size(), sorted(created), sorted(disabled), sorted(withoutAccount), sorted(unknown));
        if (report.drift()) {
            log.warn("staff drift (T7): {} accounts checked; records created for {}; accounts disabled {}; records without account {}; "
                            + "accounts of unknown tenants {}", report.checkedAccounts(), report.createdRecords(),
                    report.disabledAccounts(), report.recordsWithoutAccount(), report.accountsOfUnknownTenants());
        } else {
            log.info("staff reconciliation: {} accounts, no drift", report.checkedAccounts());
        }
        return report;
    }

    private static List<String> sorted(List<String> in) {
        return List.copyOf(new TreeSet<>(in));
    }
}
