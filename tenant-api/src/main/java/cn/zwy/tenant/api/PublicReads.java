package cn.zwy.tenant.api;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.service.annotation.GetExchange;

/**
 * The paths of the {@link PublicRead} GETs of contract interfaces, as request-matcher patterns
 * ({@code /api/tenants/{tenantCode}/hall} becomes {@code /api/tenants/*}{@code /hall}): the
 * service's security opens these and nothing else without a token.
 */
public final class PublicReads {

    private PublicReads() {}

    public static List<String> of(Class<?>... apis) {
        List<String> paths = new ArrayList<>();
        for (Class<?> api : apis) {
            for (Method m : api.getMethods()) {
                if (!m.isAnnotationPresent(PublicRead.class)) continue;
                GetExchange get = AnnotatedElementUtils.findMergedAnnotation(m, GetExchange.class);
                if (get == null) throw new IllegalStateException(api.getSimpleName() + "." + m.getName() + " is @PublicRead but no GET");
                String path = get.value().replaceAll("\\{[^}/]+}", "*");
                if (!paths.contains(path)) paths.add(path);
            }
        }
        return List.copyOf(paths);
    }
}
