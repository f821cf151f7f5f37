package cn.zwy.gateway.slice;

import cn.zwy.gateway.graphql.GraphQlSetup;
import cn.zwy.gateway.limits.LimitsProperties;
import cn.zwy.gateway.limits.QueryLimits;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What the resolver slices run under besides the resolvers: the scalars, and the gateway's one
 * instrumentation with the depth and cost limits and the argument rules (so a slice sees an
 * argument refused where the gateway refuses it).
 */
@TestConfiguration
@EnableConfigurationProperties(LimitsProperties.class)
@Import({GraphQlSetup.class, QueryLimits.class})
class SliceConfig {}
