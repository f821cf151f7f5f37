package cn.zwy.cases.messages;

import cn.zwy.cases.privacy.PersonalDataCipher;
import cn.zwy.common.tenant.DivisionCodes;
import cn.zwy.common.tenant.TenantTransactions;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends the SMS of the outbox (sms_outbox) through the {@link SmsSender} (ADR 0012, ADR 0040).
 *
 * <p>A message's SMS row and a one-time task of the persistent scheduler (db-scheduler, the one that runs the case
 * timers) are written in the transaction of the case change, so an SMS exists if and only if the change committed.
 * After the commit, the instance that made the change drains the tenant's unsent SMS at once, in batches: one
 * transaction sends every unsent SMS of the tenant it can lock ({@code skip locked}: two instances never send one
 * twice), marks them sent and deletes their tasks that no scheduler has picked yet. The task is only the backstop,
 * due {@link #BACKSTOP} after the change: when the instance died between the commit and its drain, whichever instance
 * picks the task sends that SMS (at least once, never lost). Before, every SMS was a task picked, run in a
 * transaction of its own and deleted: about eight statements and two transactions per SMS, a quarter of the statements
 * of a case lifecycle (docs/benchmarks/cases.md, 2026-12-05).
 */
@Component
public class SmsDispatch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SmsDispatch.class);

    static final String TASK = "sms-send";
    /** When the task of an SMS falls due: the drain after the commit has sent it long before, unless the instance died. */
    static final Duration BACKSTOP = Duration.ofSeconds(30);
    /** SMS sent per transaction of a drain. */
    static final int BATCH = 200;
    /**
     * How long a drain waits after the first commit that wakes it: the SMS of the commits of those milliseconds go out
     * in one transaction (under load one per commit left most drains with one SMS), and a citizen never notices 20 ms.
     */
    static final Duration GATHER = Duration.ofMillis(20);

    private final OneTimeTask<Void> task;
    private final SchedulerClient client;
    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;
    private final SmsSender sender;

    /** Tenants with SMS committed by this instance and not drained yet; one thread drains them in turn. */
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ScheduledExecutorService drainer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sms-drain");
        t.setDaemon(true);
        return t;
    });

    SmsDispatch(DataSource dataSource, TenantTransactions tx, JdbcTemplate jdbc, PersonalDataCipher cipher, SmsSender sender) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.sender = sender;
        this.task = Tasks.oneTime(TASK).execute((instance, ctx) -> send(instance.getId()));
        // through the transaction's connection: the task exists if and only if the case change committed
        this.client = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), task).build();
    }

    /** For the scheduler to know the task. */
    public OneTimeTask<Void> task() {
        return task;
    }

    /** Inside the case's transaction: the SMS of message {@code messageId} goes out after the commit. */
    void schedule(String tenantId, UUID messageId) {
        // a plain insert: a message id is new, so the existence check of scheduleIfNotExists would only cost a statement
        List<TaskInstance<?>> backstop = List.of(task.instance(tenantId + ":" + messageId));
        client.scheduleBatch(backstop, Instant.now().plus(BACKSTOP));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wake(tenantId);
            }
        });
    }

    /** After a commit: never throws (the change is committed; an SMS no drain sends goes out by its task). */
    private void wake(String tenantId) {
        dirty.add(tenantId);
        if (!draining.compareAndSet(false, true)) return;
        try {
            drainer.schedule(this::drainDirty, GATHER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            draining.set(false);
        }
    }

    private void drainDirty() {
        do {
            try {
                for (String tenant : List.copyOf(dirty)) {
                    dirty.remove(tenant);
                    try {
                        drain(tenant);
                    } catch (RuntimeException e) {
                        // the tasks are still there: the SMS go out when they fall due
                        log.warn("sms drain of tenant {} failed, its SMS wait for their tasks: {}", tenant, e.toString());
                    }
                }
            } finally {
                draining.set(false);
            }
            // a tenant marked after the loop looked, whose wake found the drain still running
        } while (!dirty.isEmpty() && draining.compareAndSet(false, true));
    }

    private record Due(UUID messageId, String phoneSealed, String phoneMasked, String text) {}

    /** Sends the tenant's unsent SMS, a batch per transaction, until a batch is not full (or nothing more could be sent). */
    void drain(String tenant) {
        boolean more = true;
        while (more) {
            more = tx.write(tenant, () -> {
                List<Due> due = jdbc.query("""
                        select o.message_id, coalesce(c.contact_phone_sealed, o.phone_sealed), o.phone_masked, o.text
                        from sms_outbox o left join case_file c on c.tenant_id = o.tenant_id and c.id = o.case_id
                        where o.tenant_id = ? and o.sent_at is null
                        order by o.created_at limit ? for update of o skip locked""",
                        (rs, i) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)),
                        tenant, BATCH);
                List<UUID> sent = new ArrayList<>(due.size());
                for (Due d : due) {
                    try {
                        sender.send(new SmsSender.Sms(cipher.open(d.phoneSealed()), d.phoneMasked(), d.text()));
                        sent.add(d.messageId());
                    } catch (RuntimeException e) {
                        // left unsent: its task retries it when it falls due
                        log.warn("sms of message {} to {} not sent: {}", d.messageId(), d.phoneMasked(), e.toString());
                    }
                }
                if (sent.isEmpty()) return false;
                List<String> instances = sent.stream().map(id -> tenant + ":" + id).toList();
                Timestamp now = Timestamp.from(Instant.now());
                jdbc.update(con -> {
                    PreparedStatement ps = con.prepareStatement(
                            "update sms_outbox set sent_at = ?, sender = ? where tenant_id = ? and message_id = any (?)");
                    ps.setTimestamp(1, now);
                    ps.setString(2, sender.name());
                    ps.setString(3, tenant);
                    ps.setArray(4, con.createArrayOf("uuid", sent.toArray()));
                    return ps;
                });
                // the backstops of what was sent; one a scheduler has picked already runs and finds its SMS sent
                jdbc.update(con -> {
                    PreparedStatement ps = con.prepareStatement(
                            "delete from scheduled_tasks where task_name = ? and task_instance = any (?) and not picked");
                    ps.setString(1, TASK);
                    Array ids = con.createArrayOf("varchar", instances.toArray());
                    ps.setArray(2, ids);
                    return ps;
                });
                log.debug("sms drain of tenant {}: {} sent", tenant, sent.size());
                return due.size() == BATCH && sent.size() == due.size();
            });
        }
    }

    private record Pending(String phoneSealed, String phoneMasked, String text) {}

    /** The backstop: the task of one SMS, due when no drain has sent it. */
    void send(String instanceId) {
        int colon = instanceId.indexOf(':');
        String tenant = instanceId.substring(0, colon);
        if (!DivisionCodes.isTenant(tenant)) throw new IllegalStateException("sms task with a malformed id: " + instanceId);
        UUID messageId = UUID.fromString(instanceId.substring(colon + 1));
        tx.write(tenant, () -> {
            List<Pending> pending = jdbc.query("""
                    select coalesce(c.contact_phone_sealed, o.phone_sealed), o.phone_masked, o.text from sms_outbox o
                    left join case_file c on c.tenant_id = o.tenant_id and c.id = o.case_id
                    where o.tenant_id = ? and o.message_id = ? and o.sent_at is null for update of o""",
                    (rs, i) -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3)), tenant, messageId);
            if (pending.isEmpty()) return null;   // sent already
            Pending p = pending.getFirst();
            sender.send(new SmsSender.Sms(cipher.open(p.phoneSealed()), p.phoneMasked(), p.text()));
            jdbc.update("update sms_outbox set sent_at = ?, sender = ? where tenant_id = ? and message_id = ?",
                    Timestamp.from(Instant.now()), sender.name(), tenant, messageId);
            log.info("sms of message {} sent to {} by its task: no drain had sent it", messageId, p.phoneMasked());
            return null;
        });
    }

    @Override
    public void destroy() throws InterruptedException {
        drainer.shutdown();
        // a drain in flight finishes its transaction; what it leaves, the tasks send
        drainer.awaitTermination(10, TimeUnit.SECONDS);
    }
}
