package cn.zwy.tenant.catalog.onething;

import cn.zwy.common.tenant.TenantTransactions;
import cn.zwy.tenant.catalog.NoticePeriod;
import cn.zwy.tenant.catalog.guide.GuideAnnounced;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * ADR 0035: a tenant's packages follow what it offers. Every guide announcement (published or withdrawn, S6) writes,
 * in its own transaction, a timer of the one persistent scheduler due on the day it takes effect (at once when that day
 * has come); the timer re-computes the tenant's packages — its own and those its province and city define for it —
 * and announces each that became offered or stopped being offered ({@link PackageService#reannounce}). So a county
 * publishing the last part of a region's package after the region defined it files and finds it from that day, and one
 * withdrawing a part no longer offers, files or finds it.
 */
@Component
class PackageOffers {

    static final String TASK = "package-offers";
    private static final Logger log = LoggerFactory.getLogger(PackageOffers.class);

    private final SchedulerClient timers;
    private final OneTimeTask<Void> task;
    private final NoticePeriod notice;
    private final JdbcTemplate jdbc;
    private final TenantTransactions tx;
    private final PackageService packages;

    PackageOffers(SchedulerClient packageOfferClient, OneTimeTask<Void> packageOfferTask, NoticePeriod notice, JdbcTemplate jdbc,
                  TenantTransactions tx, PackageService packages) {
        this.timers = packageOfferClient;
        this.task = packageOfferTask;
        this.notice = notice;
        this.jdbc = jdbc;
        this.tx = tx;
        this.packages = packages;
    }

    /** Inside the announcing transaction: the timer exists if and only if the announcement committed. */
    @EventListener
    public void on(GuideAnnounced a) {
        LocalDate today = notice.today();
        Instant due = a.effectiveFrom().isAfter(today) ? a.effectiveFrom().atStartOfDay(NoticePeriod.ZONE).toInstant() : Instant.now();
        timers.scheduleIfNotExists(task.instance(a.tenantCode() + "|" + a.versionId()), due);
    }

    /**
     * The timer ({@code <tenant>|<guide version id>}, a retry with {@code @<day>}): early (a date moved, a clock ahead)
     * it waits for the version's day; else the tenant's packages are re-computed. A repeated or stale timer announces
     * nothing new.
     */
    void fire(String instanceId) {
        String id = instanceId.contains("@") ? instanceId.substring(0, instanceId.indexOf('@')) : instanceId;
        String tenant = id.substring(0, id.indexOf('|'));
        UUID versionId = UUID.fromString(id.substring(id.indexOf('|') + 1));
        List<LocalDate> day = tx.read(tenant, () -> jdbc.queryForList(
                "select effective_from from guide_version where id = ?", LocalDate.class, versionId));
        LocalDate today = notice.today();
        if (!day.isEmpty() && day.getFirst().isAfter(today)) {
            timers.scheduleIfNotExists(task.instance(id + "@" + day.getFirst()), day.getFirst().atStartOfDay(NoticePeriod.ZONE).toInstant());
            return;
        }
        packages.reannounce(tenant);
        log.debug("packages of {} re-computed for guide version {}", tenant, versionId);
    }

    @Configuration
    static class Timers {

        @Bean
        OneTimeTask<Void> packageOfferTask(@Lazy PackageOffers offers) {
            return Tasks.oneTime(TASK).execute((instance, ctx) -> offers.fire(instance.getId()));
        }

        @Bean
        SchedulerClient packageOfferClient(DataSource dataSource, OneTimeTask<Void> packageOfferTask) {
            // through the transaction's connection: a timer exists if and only if the announcement committed
            return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), packageOfferTask).build();
        }
    }
}
