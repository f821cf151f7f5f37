package cn.zwy.common.security;

import java.util.List;

/**
 * Paths a service lets anyone GET without a token, declared where the endpoints are (a service's
 * contract module marks its public reads): the service security opens these beside
 * {@code zwy.security.public-get-paths}.
 */
@FunctionalInterface
public interface PublicGetPaths {
    List<String> paths();
}
