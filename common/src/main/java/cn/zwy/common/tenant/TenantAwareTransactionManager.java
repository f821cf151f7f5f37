package cn.zwy.common.tenant;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Session;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every transaction starts by telling PostgreSQL which tenant it acts for
 * ({@code set_config(..., true)}: local to the transaction, so a pooled connection never
 * carries it over). Row-level-security policies read these settings; Hibernate's
 * {@code @TenantId} filters the same rows one layer above. A transaction with no binding
 * at all is refused.
 */
public class TenantAwareTransactionManager extends JpaTransactionManager {

    public TenantAwareTransactionManager(EntityManagerFactory emf) {
        super(emf);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        if (!TenantContext.isBound()) {
            throw new TenantContext.MissingTenantException();
        }
        super.doBegin(transaction, definition);
        EntityManagerHolder holder =
                (EntityManagerHolder) TransactionSynchronizationManager.getResource(obtainEntityManagerFactory());
        EntityManager em = holder.getEntityManager();
        String tenant = TenantContext.current().map(TenantScope::tenantId).orElse("");
        String write = TenantContext.current().map(s -> s.writable() ? "on" : "off").orElse("off");
        try {
            em.unwrap(Session.class).doWork(connection -> {
                try (var ps = connection.prepareStatement(
                        "select set_config('app.tenant_id', ?, true), set_config('app.tenant_write', ?, true)")) {
                    ps.setString(1, tenant);
                    ps.setString(2, write);
                    ps.execute();
                }
            });
        } catch (RuntimeException e) {
            // the connection broke between the begin and the tenant binding (the database restarting, a fail-over):
            // undo the begin here, or the request thread would keep a dead EntityManager bound and the caller would
            // get no clear error; CannotCreateTransactionException is answered 503 UNAVAILABLE (ProblemDetailsAdvice)
            try {
                if (em.getTransaction().isActive()) em.getTransaction().rollback();
            } catch (RuntimeException ignored) {
                // the connection is gone: nothing to roll back on it
            }
            doCleanupAfterCompletion(transaction);
            throw new CannotCreateTransactionException("could not bind the tenant to the transaction", e);
        }
    }
}
