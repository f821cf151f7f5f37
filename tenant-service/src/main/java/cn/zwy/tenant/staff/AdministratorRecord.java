package cn.zwy.tenant.staff;

import cn.zwy.tenant.tenant.Tenant;
import cn.zwy.tenant.tenant.TenantSetup;
import org.springframework.stereotype.Component;

/** Onboarding writes the staff row of the tenant's administrator in its own transaction (T7). */
@Component
public class AdministratorRecord implements TenantSetup {

    private final StaffService staff;

    public AdministratorRecord(StaffService staff) {
        this.staff = staff;
    }

    @Override
    public void onboarded(Tenant tenant) {
        staff.recordAdministrator(tenant.getCode(), tenant.getName());
    }
}
