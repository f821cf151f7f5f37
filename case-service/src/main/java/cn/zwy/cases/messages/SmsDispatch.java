package cn.zwy.cases.messages;

import cn.zwy.cases.privacy.PersonalDataCipher;
import cn.zwy.common.tenant.DivisionCodes;
import cn.zwy.common.tenant.TenantTransactions;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * Sends the SMS of the outbox (sms_outbox) through the {@link SmsSender}. A message's SMS row and a
 * one-time task of the persistent scheduler (db-scheduler, the one that runs the case timers) are written
 * in the transaction of the case change, so an SMS exists if and only if the change committed; the task
 * runs after the commit on whichever instance picks it (once across instances), and a crash before it
 * finished leaves the task to be picked again (db-scheduler's dead-execution detection): at least once,
 * never lost. The sender runs while the outbox row is locked, so two runs never send it twice at once.
 */
@Component
public class SmsDispatch {

    private static final Logger log = LoggerFactory.getLogger(SmsDispatch.class);

    private final OneTimeTask<Void> task;
    private final SchedulerClient client;
    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;
    private final SmsSender sender;

    SmsDispatch(DataSource dataSource, TenantTransactions tx, JdbcTemplate jdbc, PersonalDataCipher cipher, SmsSender sender) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.sender = sender;
        this.task = Tasks.oneTime("sms-send").execute((instance, ctx) -> send(instance.getId()));
        // through the transaction's connection: the task exists if and only if the case change committed
        this.client = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), task).build();
    }

    /** For the scheduler to know the task. */
    public OneTimeTask<Void> task() {
        return task;
    }

    /** Inside the case's transaction: the SMS of message {@code messageId} goes out after the commit. */
    void schedule(String tenantId, UUID messageId) {
        client.scheduleIfNotExists(task.instance(tenantId + ":" + messageId), Instant.now());
    }

    private record Pending(String phoneSealed, String phoneMasked, String text) {}

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
            log.debug("sms of message {} sent to {}", messageId, p.phoneMasked());
            return null;
        });
    }
}
