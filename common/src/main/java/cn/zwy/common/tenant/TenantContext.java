package cn.zwy.common.tenant;

import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The one tenant context of a service: set around a unit of work, always cleared in
 * {@code finally}. Work that is deliberately not tenant-scoped (reference data such as the
 * region tree, the outbox relay) says so with {@link #platform(Supplier)}; anything else that
 * opens a transaction without a scope fails (fail closed, unlike frameworks that run unfiltered).
 */
public final class TenantContext {

    /** What the current thread acts for: a tenant, or explicitly the platform itself. */
    sealed interface Binding permits Tenant, Platform {}
    record Tenant(TenantScope scope) implements Binding {}
    record Platform() implements Binding {}

    private static final ThreadLocal<Binding> CURRENT = new ThreadLocal<>();

    private TenantContext() {}

    public static <T> T call(TenantScope scope, Supplier<T> work) {
        return bind(new Tenant(scope), scope.tenantId(), work);
    }

    public static void run(TenantScope scope, Runnable work) {
        call(scope, () -> { work.run(); return null; });
    }

    /** Platform-level work that must not see tenant rows (RLS hides them all). */
    public static <T> T platform(Supplier<T> work) {
        return bind(new Platform(), "-", work);
    }

    private static <T> T bind(Binding binding, String mdc, Supplier<T> work) {
        Binding previous = CURRENT.get();
        String previousMdc = MDC.get("tenant");
        CURRENT.set(binding);
        MDC.put("tenant", mdc);
        try {
            return work.get();
        } finally {
            if (previous == null) CURRENT.remove(); else CURRENT.set(previous);
            if (previousMdc == null) MDC.remove("tenant"); else MDC.put("tenant", previousMdc);
        }
    }

    public static Optional<TenantScope> current() {
        return CURRENT.get() instanceof Tenant t ? Optional.of(t.scope()) : Optional.empty();
    }

    public static boolean isPlatform() {
        return CURRENT.get() instanceof Platform;
    }

    public static boolean isBound() {
        return CURRENT.get() != null;
    }

    /** The scope, or an exception: used where a tenant is mandatory. */
    public static TenantScope require() {
        return current().orElseThrow(() -> new MissingTenantException());
    }

    public static final class MissingTenantException extends IllegalStateException {
        public MissingTenantException() {
            super("no tenant bound to this unit of work; refusing to run it (fail closed)");
        }
    }
}
