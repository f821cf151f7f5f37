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
 * (tenant attribute, role centre_admin, password to be set at first sign-in) and its staff are
 * enabled; a suspended tenant's staff are disabled, so they can no longer sign in to it.
 * Every step checks the current state first, so replays are harmless.
 */
@Component
public class StaffProvisioner implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(StaffProvisioner.class);

    private final KeycloakAdmin keycloak;
    private final KeycloakProperties props;
    private final JsonMapper json;

    public StaffProvisioner(KeycloakAdmin keycloak, KeycloakProperties props, JsonMapper json) {
        this.keycloak = keycloak;
        this.props = props;
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
            case TenantEvents.SUSPENDED -> setStaffEnabled(event.tenantId(), false);
            default -> { /* not ours */ }
        }
    }

    private void onboarded(TenantEvents.Onboarded t) {
        if (keycloak.find(t.adminUsername()).isEmpty()) {
            keycloak.create(t.adminUsername(), "管理员", t.name(), Map.of("tenant", List.of(t.tenantCode())),
                    props.initialPassword());
            log.info("staff administrator {} of tenant {} created", t.adminUsername(), t.tenantCode());
        }
        // granted every time (Keycloak ignores a role already held): a replay after a failure
        // between creating the account and granting the role still ends with the role
        String id = keycloak.find(t.adminUsername()).orElseThrow(
                () -> new IllegalStateException("account " + t.adminUsername() + " not found right after creating it")).id();
        keycloak.grantRealmRole(id, Caller.CENTRE_ADMIN);
        // a new tenant has no other staff yet; searching Keycloak by attribute is only needed on a comeback
        if (t.reactivated()) setStaffEnabled(t.tenantCode(), true);
    }

    private void setStaffEnabled(String tenantCode, boolean enabled) {
        for (KeycloakAdmin.StaffAccount a : keycloak.staffOf(tenantCode)) {
            if (a.enabled() != enabled) {
                keycloak.setEnabled(a.id(), enabled);
                log.info("staff account {} of tenant {} {}", a.username(), tenantCode, enabled ? "enabled" : "disabled");
            }
        }
    }
}
