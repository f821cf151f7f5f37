package cn.zwy.common.tenant;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/** Feeds Hibernate's {@code @TenantId} from the one tenant context. */
public class ContextTenantIdentifierResolver implements CurrentTenantIdentifierResolver<String> {

    /** Hibernate needs some identifier outside tenant work; it matches no tenant row. */
    static final String NO_TENANT = "none";

    @Override
    public String resolveCurrentTenantIdentifier() {
        return TenantContext.current().map(TenantScope::tenantId).orElse(NO_TENANT);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }

    @Override
    public boolean isRoot(String tenantId) {
        return false;
    }
}
