package cn.zwy.tenant.staff;

import cn.zwy.common.events.DomainEvent;
import cn.zwy.common.events.EventHandler;
import cn.zwy.common.security.Caller;
import cn.zwy.tenant.tenant.TenantEvents;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps Keycloak in step with the tenant lifecycle, from the event path (so a Keycloak outage
 * delays, never loses, the work): an onboarded tenant gets its staff administrator account
 * (tenant attribute, role centre_admin, NO password: whoever onboarded the tenant issues its
 * one-time activation secret with issueStaffInvitation), linked to the staff row onboarding
 * wrote. A suspended tenant's staff accounts are disabled, signed out and put on the revocation
 * list; a reactivated tenant's accounts are enabled again only where the staff row is enabled
 * (a person disabled on purpose before the suspension stays disabled; an account without a row
 * stays disabled until the reconciliation gives it one). Every step checks the current state
 * first, so replays are harmless.
 */
@Component
public class StaffProvisioner implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(StaffProvisioner.class);

    private final KeycloakAdmin keycloak;
    private final StaffService staff;
    private final StaffRevocations revocations;
    private final JsonMapper json;

    public StaffProvisioner(KeycloakAdmin keycloak, StaffService staff, StaffRevocations revocations, JsonMapper json) {
        this.keycloak = keycloak;
        this.staff = staff;
        this.revocations = revocations;
        this.json = json;
    }

    @Override
    public String group() {
        return "staff-provisioner";
    }

    @Override
    public boolean accepts(String eventType) {
        return eventType.equals(TenantEvents.ONBOARDED) || eventType.equals(TenantEvents.SUSPENDED);
    }

    @Override
    public void handle(DomainEvent event) {
        try {
            apply(event);
        } catch (org.springframework.web.client.HttpClientErrorException.Unauthorized
                 | org.springframework.web.client.HttpClientErrorException.Forbidden e) {
            // a token issued before a realm change may lack roles it has now: the retry gets a fresh one
            keycloak.forgetToken();
            throw e;
        }
    }

    private void apply(DomainEvent event) {
        switch (event.type()) {
            case TenantEvents.ONBOARDED -> onboarded(json.readValue(event.payload(), TenantEvents.Onboarded.class));
            case TenantEvents.SUSPENDED -> suspended(event.tenantId());
            default -> { /* not ours */ }
        }
    }

    private void onboarded(TenantEvents.Onboarded t) {
        if (keycloak.find(t.adminUsername()).isEmpty()) {
            // no credential at all: nobody can sign in to it until an activation secret is issued
            keycloak.create(t.adminUsername(), StaffService.ADMIN_GIVEN_NAME, t.name(),
                    Map.of("tenant", List.of(t.tenantCode())), null);
            log.info("staff administrator {} of tenant {} created (no password until an invitation is issued)",
                    t.adminUsername(), t.tenantCode());
        }
        // granted every time (Keycloak ignores a role already held): a replay after a failure
        // between creating the account and granting the role still ends with the role
        String id = keycloak.find(t.adminUsername()).orElseThrow(
                () -> new IllegalStateException("account " + t.adminUsername() + " not found right after creating it")).id();
        keycloak.grantRealmRole(id, Caller.CENTRE_ADMIN);
        staff.linkAdministrator(t.tenantCode(), t.name(), id);
        // a new tenant has no other staff yet; searching Keycloak by attribute is only needed on a comeback
        if (t.reactivated()) reactivated(t.tenantCode());
    }

    private void suspended(String tenantCode) {
        for (KeycloakAdmin.StaffAccount a : keycloak.staffOf(tenantCode)) {
            if (a.enabled()) {
                keycloak.setEnabled(a.id(), false);
                log.info("staff account {} of suspended tenant {} disabled", a.username(), tenantCode);
            }
            keycloak.logout(a.id());
            revocations.revoke(a.id());
        }
    }

    private void reactivated(String tenantCode) {
        Map<String, Boolean> rows = staff.enabledByUsername(tenantCode);
        for (KeycloakAdmin.StaffAccount a : keycloak.staffOf(tenantCode)) {
            Boolean enabledRow = rows.get(a.username());
            if (!Boolean.TRUE.equals(enabledRow)) {
                if (enabledRow == null) log.warn("staff account {} of tenant {} has no staff record: left disabled (T7 drift)",
                        a.username(), tenantCode);
                continue;
            }
            if (!a.enabled()) {
                keycloak.setEnabled(a.id(), true);
                log.info("staff account {} of reactivated tenant {} enabled", a.username(), tenantCode);
            }
            revocations.restore(a.id());
        }
    }
}
