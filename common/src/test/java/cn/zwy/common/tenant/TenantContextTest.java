package cn.zwy.common.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.transaction.support.DefaultTransactionDefinition;

class TenantContextTest {

    @Test
    void transactionWithoutTenantIsRefused_T2() {
        EntityManagerFactory emf = Mockito.mock(EntityManagerFactory.class);
        TenantAwareTransactionManager tm = new TenantAwareTransactionManager(emf);
        assertThatThrownBy(() -> tm.getTransaction(new DefaultTransactionDefinition()))
                .isInstanceOf(TenantContext.MissingTenantException.class);
        // refused before any connection was asked for
        Mockito.verify(emf, Mockito.never()).createEntityManager();
    }

    @Test
    void bindingIsClearedAfterTheWorkEvenOnFailure() {
        assertThatThrownBy(() -> TenantContext.run(TenantScope.write("441825"), () -> {
            assertThat(TenantContext.require().tenantId()).isEqualTo("441825");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(TenantContext.isBound()).isFalse();
    }

    @Test
    void nestedBindingRestoresTheOuterOne() {
        TenantContext.run(TenantScope.read("44"), () -> {
            TenantContext.run(TenantScope.write("441825"), () -> assertThat(TenantContext.require().writable()).isTrue());
            assertThat(TenantContext.require().tenantId()).isEqualTo("44");
        });
    }

    @Test
    void scopeNeedsADivisionCode() {
        assertThatThrownBy(() -> TenantScope.read("44a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TenantScope.read("")).isInstanceOf(IllegalArgumentException.class);
    }
}
