package cn.zwy.common.tenant;

import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a service opens a transaction: bound to a tenant for reading or writing, or
 * explicitly to the platform. The binding is made before the transaction starts so that the
 * transaction manager can hand it to PostgreSQL.
 */
public class TenantTransactions {

    private final TransactionTemplate writeTx;
    private final TransactionTemplate readTx;

    public TenantTransactions(PlatformTransactionManager tm) {
        this.writeTx = new TransactionTemplate(tm);
        this.readTx = new TransactionTemplate(tm);
        this.readTx.setReadOnly(true);
        this.readTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    public <T> T read(String tenantId, Supplier<T> work) {
        return TenantContext.call(TenantScope.read(tenantId), () -> readTx.execute(s -> work.get()));
    }

    public <T> T write(String tenantId, Supplier<T> work) {
        return TenantContext.call(TenantScope.write(tenantId), () -> writeTx.execute(s -> work.get()));
    }

    /** Platform-level data (region tree, tenant registry); tenant rows stay invisible. */
    public <T> T platform(Supplier<T> work) {
        return TenantContext.platform(() -> writeTx.execute(s -> work.get()));
    }
}
