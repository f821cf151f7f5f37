package cn.zwy.tenant.calendar;

import cn.zwy.tenant.api.calendar.CalendarDays.Removed;
import cn.zwy.tenant.api.calendar.CalendarDays.SpecialDayInput;
import cn.zwy.tenant.api.calendar.CalendarDays.SpecialDayView;
import cn.zwy.tenant.api.calendar.CalendarDays.TenantDayInput;
import cn.zwy.tenant.api.calendar.CalendarDays.TenantDayView;
import cn.zwy.tenant.tenant.TenantLookup;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.events.OutboxPublisher;
import cn.zwy.common.security.Caller;
import cn.zwy.common.tenant.TenantTransactions;
import cn.zwy.tenant.hall.HallRepository;
import cn.zwy.tenant.hall.OpeningHours;
import cn.zwy.tenant.api.hall.TimeRange;
import cn.zwy.tenant.tenant.Tenant;
import cn.zwy.tenant.text.PlainText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** A tenant's closures and extra working days, and its halls' special days: its centre administrator only. */
@Service
public class CalendarAdmin {

    static TenantDayView view(TenantCalendarDay d) {
        return new TenantDayView(d.getDay(), d.isWorking(), d.getReason(), d.getUpdatedBy(), d.getUpdatedAt());
    }

    static SpecialDayView view(HallSpecialDay d) {
        return new SpecialDayView(d.getHallId(), d.getDay(), d.isClosed(), d.getPeriods(), d.getReason(),
                d.getUpdatedBy(), d.getUpdatedAt());
    }

    static final int MAX_REASON = 200;
    private static final Logger log = LoggerFactory.getLogger(CalendarAdmin.class);

    private final TenantCalendarDayRepository tenantDays;
    private final HallSpecialDayRepository specialDays;
    private final HallRepository halls;
    private final TenantLookup tenants;
    private final TenantTransactions tx;
    private final OutboxPublisher outbox;

    public CalendarAdmin(TenantCalendarDayRepository tenantDays, HallSpecialDayRepository specialDays,
                         HallRepository halls, TenantLookup tenants, TenantTransactions tx, OutboxPublisher outbox) {
        this.outbox = outbox;
        this.tenantDays = tenantDays;
        this.specialDays = specialDays;
        this.halls = halls;
        this.tenants = tenants;
        this.tx = tx;
    }

    /** Closes the tenant on {@code date} ({@code working = false}) or makes it an extra working day; replaces what was set. */
    public TenantDayView setTenantDay(Caller caller, String tenantCode, LocalDate date, TenantDayInput input) {
        requireCentreAdmin(caller, tenantCode);
        checkDate(date);
        if (input == null || input.working() == null) {
            throw ApiException.validation("working", "请说明该日是否办公（working: true 为额外工作日，false 为停止办公）");
        }
        String reason = reason(input.reason());
        TenantDayView view = tx.write(tenantCode, () -> {
            TenantCalendarDay day = tenantDays.findByDay(date).orElseGet(() -> new TenantCalendarDay(date));
            day.set(input.working(), reason, caller.username());
            TenantDayView saved = view(tenantDays.saveAndFlush(day));
            outbox.publish(CalendarEvents.TENANT_DAY_SET, tenantCode, "tenant_calendar_day", date.toString(),
                    new CalendarEvents.TenantDay(tenantCode, date, input.working()));
            return saved;
        });
        log.info("tenant calendar {} {} set to working={} by {}", tenantCode, date, input.working(), caller.username());
        return view;
    }

    public Removed removeTenantDay(Caller caller, String tenantCode, LocalDate date) {
        requireCentreAdmin(caller, tenantCode);
        checkDate(date);
        return tx.write(tenantCode, () -> tenantDays.findByDay(date).map(d -> {
            tenantDays.delete(d);
            outbox.publish(CalendarEvents.TENANT_DAY_REMOVED, tenantCode, "tenant_calendar_day", date.toString(),
                    new CalendarEvents.TenantDay(tenantCode, date, null));
            log.info("tenant calendar {} {} removed by {}", tenantCode, date, caller.username());
            return new Removed(true);
        }).orElse(new Removed(false)));
    }

    /** Closes the hall on {@code date}, or opens it with its own periods (e.g. a weekend booking day). */
    public SpecialDayView setSpecialDay(Caller caller, String tenantCode, UUID hallId, LocalDate date, SpecialDayInput input) {
        requireCentreAdmin(caller, tenantCode);
        checkDate(date);
        if (input == null || input.closed() == null) {
            throw ApiException.validation("closed", "请说明该日大厅是否关闭（closed: true 关闭，false 按所给时段开放）");
        }
        List<TimeRange> periods;
        if (input.closed()) {
            if (input.periods() != null && !input.periods().isEmpty()) {
                throw ApiException.validation("periods", "关闭的日子不能有营业时段");
            }
            periods = List.of();
        } else {
            periods = OpeningHours.validatedPeriods("periods", input.periods());
        }
        String reason = reason(input.reason());
        return tx.write(tenantCode, () -> {
            requireHall(tenantCode, hallId);
            HallSpecialDay day = specialDays.findByHallIdAndDay(hallId, date).orElseGet(() -> new HallSpecialDay(hallId, date));
            day.set(input.closed(), periods, reason, caller.username());
            log.info("hall {} special day {} set (closed={}) by {}", hallId, date, input.closed(), caller.username());
            SpecialDayView saved = view(specialDays.saveAndFlush(day));
            // case-service's booking keeps the halls' days (A1/A3: a weekend booking day opens slots)
            outbox.publish(CalendarEvents.HALL_DAY_SET, tenantCode, "hall_special_day", hallId + ":" + date,
                    new CalendarEvents.HallDay(tenantCode, hallId, date, input.closed(), periods, reason));
            return saved;
        });
    }

    public Removed removeSpecialDay(Caller caller, String tenantCode, UUID hallId, LocalDate date) {
        requireCentreAdmin(caller, tenantCode);
        checkDate(date);
        return tx.write(tenantCode, () -> {
            requireHall(tenantCode, hallId);
            return specialDays.findByHallIdAndDay(hallId, date).map(d -> {
                specialDays.delete(d);
                outbox.publish(CalendarEvents.HALL_DAY_REMOVED, tenantCode, "hall_special_day", hallId + ":" + date,
                        new CalendarEvents.HallDay(tenantCode, hallId, date, null, null, null));
                return new Removed(true);
            }).orElse(new Removed(false));
        });
    }

    private void requireHall(String tenantCode, UUID hallId) {
        if (hallId == null) throw ApiException.validation("hallId", "缺少服务大厅 hallId");
        if (halls.findById(hallId).filter(h -> tenantCode.equals(h.getTenantId())).isEmpty()) {
            throw ApiException.notFound("hallId", "该租户没有这个服务大厅: " + hallId);
        }
    }

    private void requireCentreAdmin(Caller caller, String tenantCode) {
        Tenant tenant = tenants.require(tenantCode);
        if (!caller.isCentreAdminOf(tenantCode)) {
            throw ApiException.forbidden("只有本中心（" + tenantCode + "）的管理员可以修改办公日历");
        }
        TenantLookup.requireActive(tenant);
    }

    private static void checkDate(LocalDate date) {
        if (date == null) throw ApiException.validation("date", "缺少日期 date");
        if (date.getYear() < HolidayCnFile.MIN_YEAR || date.getYear() > HolidayCnFile.MAX_YEAR) {
            throw ApiException.validation("date", "日期应在 " + HolidayCnFile.MIN_YEAR + " 到 " + HolidayCnFile.MAX_YEAR + " 年之间");
        }
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) throw ApiException.validation("reason", "请填写原因（将向办事群众展示）");
        return PlainText.require("reason", reason, MAX_REASON, "原因");
    }
}
