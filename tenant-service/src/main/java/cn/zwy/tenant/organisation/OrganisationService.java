package cn.zwy.tenant.organisation;

import cn.zwy.tenant.api.organisation.WindowPosition;
import cn.zwy.tenant.api.organisation.WindowKind;
import cn.zwy.tenant.api.organisation.BusinessCategory;
import cn.zwy.tenant.api.organisation.StaffInputs.Assignment;
import cn.zwy.tenant.api.organisation.StaffInputs.NewDepartment;
import cn.zwy.tenant.api.organisation.StaffInputs.NewWindow;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.events.OutboxPublisher;
import cn.zwy.common.security.Caller;
import cn.zwy.common.tenant.TenantTransactions;
import cn.zwy.tenant.hall.HallRepository;
import cn.zwy.tenant.api.organisation.OrganisationViews.Created;
import cn.zwy.tenant.api.organisation.OrganisationViews.DepartmentView;
import cn.zwy.tenant.api.organisation.OrganisationViews.HolderView;
import cn.zwy.tenant.api.organisation.OrganisationViews.WindowView;
import cn.zwy.tenant.staff.Staff;
import cn.zwy.tenant.staff.StaffRepository;
import cn.zwy.tenant.api.organisation.StaffView;
import cn.zwy.tenant.tenant.Tenant;
import cn.zwy.tenant.tenant.TenantLookup;
import cn.zwy.tenant.text.PlainText;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Departments stationed in halls (T5), windows (T4) and their A/B holders (T6). Reads: the
 * tenant's staff and its province's administrator (holders and chief representatives are named
 * staff: personal data, never public). Writes: the tenant's centre administrator. Every lookup
 * of a hall, department, window or staff member runs in the tenant's transaction, so RLS and
 * {@code @TenantId} hide other tenants' rows: they are "not found" here, and the composite
 * foreign keys of V40 refuse them in the database as well.
 */
@Service
public class OrganisationService {

    private static final Logger log = LoggerFactory.getLogger(OrganisationService.class);
    private static final Pattern WINDOW_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,10}");

    private final DepartmentRepository departments;
    private final WindowRepository windows;
    private final AssignmentRepository assignments;
    private final StaffRepository staff;
    private final HallRepository halls;
    private final TenantTransactions tx;

    private final TenantLookup lookup;
    private final OutboxPublisher outbox;

    /** A department stationed in a hall (T5), announced for the services' read models (e.g. case-service's C15 supervision). */
    public static final String DEPARTMENT_CREATED = "organisation.department.created";

    public record DepartmentCreated(String tenantCode, UUID departmentId, UUID hallId, String name) {}

    /** A window as other services keep it (case-service's booking: how many windows serve a category, A5). */
    public static final String WINDOW_CHANGED = "window.changed";

    public record WindowChanged(String tenantCode, UUID windowId, UUID hallId, String number, String name, WindowKind kind,
                                List<BusinessCategory> categories) {}

    /**
     * The A and B holders of a window (T6) as other services keep them (case-service's queue: who may call at the
     * window), published with every assignment and release; a post nobody holds is null.
     */
    public static final String WINDOW_HOLDERS = "window.holders.changed";

    public record Holder(String username, String name) {}

    public record WindowHolders(String tenantCode, UUID windowId, UUID hallId, Holder a, Holder b) {}

    public OrganisationService(DepartmentRepository departments, WindowRepository windows, AssignmentRepository assignments,
                               StaffRepository staff, HallRepository halls, TenantTransactions tx, TenantLookup lookup,
                               OutboxPublisher outbox) {
        this.lookup = lookup;
        this.outbox = outbox;
        this.departments = departments;
        this.windows = windows;
        this.assignments = assignments;
        this.staff = staff;
        this.halls = halls;
        this.tx = tx;
    }

    // ---------------------------------------------------------------- departments (T5)

    public List<DepartmentView> departments(Caller caller, String tenantCode) {
        requireReader(caller, tenantCode);
        return tx.read(tenantCode, () -> {
            Map<UUID, Staff> people = staffById();
            return departments.findAllByOrderByName().stream().map(d -> view(tenantCode, d, people)).toList();
        });
    }

    /** The same hall and name again with the same chief: the existing department ({@code created = false}). */
    public Created<DepartmentView> createDepartment(Caller caller, String tenantCode, NewDepartment in) {
        requireAdmin(caller, tenantCode);
        String name = text("name", in.name(), 100, "部门名称");
        if (in.hallId() == null) throw ApiException.validation("hallId", "缺少 hallId");
        return tx.write(tenantCode, () -> {
            requireHall(in.hallId());
            Staff chief = in.chiefRepresentativeId() == null ? null : requireStaff("chiefRepresentativeId", in.chiefRepresentativeId());
            if (chief != null && !chief.hasRole("approver")) {
                throw new ApiException(ErrorCode.RULE_VIOLATION, "首席代表须具有审批权（approver 角色）: " + chief.getUsername(),
                        "chiefRepresentativeId", "T5");
            }
            var existing = departments.findByHallIdAndName(in.hallId(), name);
            if (existing.isPresent()) {
                if (Objects.equals(existing.get().getChiefId(), in.chiefRepresentativeId())) {
                    return new Created<>(view(tenantCode, existing.get(), staffById()), false);
                }
                throw ApiException.conflict("name", "该大厅已有同名部门: " + name);
            }
            Department d = new Department(in.hallId(), name, chief == null ? null : chief.getId());
            save(() -> departments.saveAndFlush(d), "name", "该大厅已有同名部门: " + name);
            outbox.publish(DEPARTMENT_CREATED, tenantCode, "department", d.getId().toString(),
                    new DepartmentCreated(tenantCode, d.getId(), in.hallId(), name));
            log.info("department {} stationed in hall {} of tenant {} by {}", name, in.hallId(), tenantCode, caller.username());
            return new Created<>(view(tenantCode, d, staffById()), true);
        });
    }

    // ---------------------------------------------------------------- windows (T4)

    public List<WindowView> windows(Caller caller, String tenantCode, UUID hallId) {
        requireReader(caller, tenantCode);
        return tx.read(tenantCode, () -> {
            List<ServiceWindow> list = hallId == null ? windows.findAllByOrderByNumber() : windows.findByHallIdOrderByNumber(hallId);
            return views(tenantCode, list);
        });
    }

    /** The same hall and number again with the same details: the existing window ({@code created = false}). */
    public Created<WindowView> createWindow(Caller caller, String tenantCode, NewWindow in) {
        requireAdmin(caller, tenantCode);
        if (in.hallId() == null) throw ApiException.validation("hallId", "缺少 hallId");
        String number = in.number() == null ? "" : in.number().strip();
        if (!WINDOW_NUMBER.matcher(number).matches()) {
            throw ApiException.validation("number", "窗口编号应为 1–10 位字母、数字或 -（如 1、A03）: " + in.number());
        }
        String name = text("name", in.name(), 100, "窗口名称");
        if (in.kind() == null) throw ApiException.validation("kind", "缺少窗口类型（COMPREHENSIVE 或 DEPARTMENT）");
        if (in.kind() == WindowKind.DEPARTMENT && in.departmentId() == null) {
            throw ApiException.validation("departmentId", "部门窗口须指定所属部门");
        }
        if (in.kind() == WindowKind.COMPREHENSIVE && in.departmentId() != null) {
            throw ApiException.validation("departmentId", "综合窗口不属于某一部门（T4），请不要指定 departmentId");
        }
        List<BusinessCategory> categories = BusinessCategories.validated("categories", in.categories());
        return tx.write(tenantCode, () -> {
            requireHall(in.hallId());
            if (in.departmentId() != null) {
                Department d = departments.findById(in.departmentId())
                        .orElseThrow(() -> ApiException.validation("departmentId", "本租户没有该部门: " + in.departmentId()));
                if (!d.getHallId().equals(in.hallId())) {
                    throw ApiException.validation("departmentId", "该部门未进驻此大厅: " + d.getName());
                }
            }
            var existing = windows.findByHallIdAndNumber(in.hallId(), number);
            if (existing.isPresent()) {
                ServiceWindow w = existing.get();
                if (w.getName().equals(name) && w.getKind() == in.kind() && Objects.equals(w.getDepartmentId(), in.departmentId())
                        && w.getCategories().equals(categories)) {
                    return new Created<>(views(tenantCode, List.of(w)).getFirst(), false);
                }
                throw ApiException.conflict("number", "该大厅已有编号为 " + number + " 的窗口");
            }
            ServiceWindow w = new ServiceWindow(in.hallId(), number, name, in.kind(), in.departmentId(), categories);
            save(() -> windows.saveAndFlush(w), "number", "该大厅已有编号为 " + number + " 的窗口");
            outbox.publish(WINDOW_CHANGED, tenantCode, "window", w.getId().toString(),
                    new WindowChanged(tenantCode, w.getId(), w.getHallId(), w.getNumber(), w.getName(), w.getKind(), w.getCategories()));
            log.info("window {} {} added to hall {} of tenant {} by {}", number, name, in.hallId(), tenantCode, caller.username());
            return new Created<>(views(tenantCode, List.of(w)).getFirst(), true);
        });
    }

    // ---------------------------------------------------------------- AB岗 (T6)

    /**
     * Makes a staff member of the tenant the A or B holder of a window. At most one A and one B
     * per window, never the same person for both; a taken post must be freed first (CONFLICT).
     * Assigning the same person to the same post again changes nothing.
     */
    public WindowView assign(Caller caller, String tenantCode, Assignment in) {
        requireAdmin(caller, tenantCode);
        if (in.windowId() == null) throw ApiException.validation("windowId", "缺少 windowId");
        if (in.position() == null) throw ApiException.validation("position", "缺少岗位（A 或 B）");
        return tx.write(tenantCode, () -> {
            ServiceWindow w = windows.lock(in.windowId())
                    .orElseThrow(() -> ApiException.notFound("windowId", "本租户没有该窗口: " + in.windowId()));
            Staff s = requireStaff("staffId", in.staffId());
            for (WindowAssignment a : assignments.findByWindowId(w.getId())) {
                if (a.getStaffId().equals(s.getId())) {
                    if (a.getPosition() == in.position()) return views(tenantCode, List.of(w)).getFirst();
                    throw new ApiException(ErrorCode.RULE_VIOLATION, s.getUsername() + " 已是该窗口的 " + a.getPosition()
                            + " 岗，A 岗与 B 岗不能是同一人（AB岗）", "staffId", "T6");
                }
                if (a.getPosition() == in.position()) {
                    throw new ApiException(ErrorCode.CONFLICT, "窗口 " + w.getNumber() + " 已有 " + in.position()
                            + " 岗人员，请先解除再指派（每个窗口至多一名 A 岗、一名 B 岗）", "position", "T6");
                }
            }
            save(() -> assignments.saveAndFlush(new WindowAssignment(w.getId(), s.getId(), in.position(), caller.username())),
                    "position", "窗口 " + w.getNumber() + " 的 " + in.position() + " 岗已被指派");
            log.info("{} assigned as {} holder of window {} (tenant {}) by {}", s.getUsername(), in.position(), w.getNumber(),
                    tenantCode, caller.username());
            publishHolders(tenantCode, w);
            return views(tenantCode, List.of(w)).getFirst();
        });
    }

    /** Frees the A or B post of a window; already free: nothing changes. */
    public WindowView unassign(Caller caller, String tenantCode, UUID windowId, WindowPosition position) {
        requireAdmin(caller, tenantCode);
        if (position == null) throw ApiException.validation("position", "缺少岗位（A 或 B）");
        return tx.write(tenantCode, () -> {
            ServiceWindow w = windows.lock(windowId)
                    .orElseThrow(() -> ApiException.notFound("windowId", "本租户没有该窗口: " + windowId));
            assignments.findByWindowId(w.getId()).stream().filter(a -> a.getPosition() == position).forEach(assignments::delete);
            assignments.flush();
            publishHolders(tenantCode, w);
            return views(tenantCode, List.of(w)).getFirst();
        });
    }

    // ---------------------------------------------------------------- helpers

    /** In the transaction of the change: the window's holders as they are now (T6), for case-service's queue. */
    private void publishHolders(String tenantCode, ServiceWindow w) {
        Map<UUID, Staff> people = staffById();
        Holder a = null;
        Holder b = null;
        for (WindowAssignment x : assignments.findByWindowId(w.getId())) {
            Staff p = people.get(x.getStaffId());
            Holder h = new Holder(p.getUsername(), (nz(p.getFamilyName()) + nz(p.getGivenName())).strip());
            if (x.getPosition() == WindowPosition.A) a = h;
            else b = h;
        }
        outbox.publish(WINDOW_HOLDERS, tenantCode, "window", w.getId().toString(), new WindowHolders(tenantCode, w.getId(), w.getHallId(), a, b));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private List<WindowView> views(String tenantCode, List<ServiceWindow> list) {
        if (list.isEmpty()) return List.of();
        Map<UUID, Staff> people = staffById();
        Map<UUID, Department> depts = departments.findAll().stream().collect(Collectors.toMap(Department::getId, Function.identity()));
        Map<UUID, List<WindowAssignment>> byWindow = assignments.findByWindowIdIn(list.stream().map(ServiceWindow::getId).toList())
                .stream().collect(Collectors.groupingBy(WindowAssignment::getWindowId));
        return list.stream().map(w -> {
            List<WindowAssignment> as = byWindow.getOrDefault(w.getId(), List.of());
            Department d = w.getDepartmentId() == null ? null : depts.get(w.getDepartmentId());
            return new WindowView(w.getId(), tenantCode, w.getHallId(), w.getNumber(), w.getName(), w.getKind(),
                    d == null ? null : view(tenantCode, d, people), w.getCategories(),
                    holder(as, WindowPosition.A, people), holder(as, WindowPosition.B, people));
        }).toList();
    }

    private static HolderView holder(List<WindowAssignment> as, WindowPosition p, Map<UUID, Staff> people) {
        return as.stream().filter(a -> a.getPosition() == p).findFirst()
                .map(a -> new HolderView(p, Staff.view(people.get(a.getStaffId())), a.getAssignedBy(), a.getAssignedAt()))
                .orElse(null);
    }

    private static DepartmentView view(String tenantCode, Department d, Map<UUID, Staff> people) {
        Staff chief = d.getChiefId() == null ? null : people.get(d.getChiefId());
        return new DepartmentView(d.getId(), tenantCode, d.getHallId(), d.getName(), chief == null ? null : Staff.view(chief));
    }

    private Map<UUID, Staff> staffById() {
        return staff.findAll().stream().collect(Collectors.toMap(Staff::getId, Function.identity()));
    }

    private void requireHall(UUID hallId) {
        if (!halls.existsById(hallId)) throw ApiException.validation("hallId", "本租户没有该服务大厅: " + hallId);
    }

    /** A staff member of the current tenant (other tenants' staff are invisible here: RLS, T2). */
    private Staff requireStaff(String field, UUID id) {
        if (id == null) throw ApiException.validation(field, "缺少 " + field);
        Staff s = staff.findById(id).orElseThrow(() -> ApiException.validation(field, "本租户没有该工作人员: " + id));
        if (!s.isEnabled()) throw ApiException.validation(field, "该工作人员已停用: " + s.getUsername());
        return s;
    }

    private static void save(Runnable write, String field, String conflict) {
        try {
            write.run();
        } catch (DataIntegrityViolationException e) {
            throw ApiException.conflict(field, conflict);
        }
    }

    private void requireReader(Caller caller, String tenantCode) {
        lookup.require(tenantCode);
        if (!caller.mayRead(tenantCode)) throw ApiException.forbidden("无权查看 " + tenantCode + " 的部门、窗口与人员");
    }

    private void requireAdmin(Caller caller, String tenantCode) {
        Tenant tenant = lookup.require(tenantCode);
        if (!caller.isCentreAdminOf(tenantCode)) {
            throw ApiException.forbidden("只有本中心（" + tenantCode + "）的管理员可以管理部门和窗口");
        }
        TenantLookup.requireActive(tenant);
    }


    static String text(String field, String value, int max, String label) {
        return PlainText.require(field, value, max, label);
    }

}
