package cn.zwy.tenant;

import cn.zwy.common.security.PublicGetPaths;
import cn.zwy.tenant.api.PublicReads;
import cn.zwy.tenant.api.calendar.CalendarApi;
import cn.zwy.tenant.api.catalog.CatalogApi;
import cn.zwy.tenant.api.catalog.PackageApi;
import cn.zwy.tenant.api.hall.HallApi;
import cn.zwy.tenant.api.region.RegionApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The GETs anyone may call are those tenant-api marks {@code @PublicRead}: one place says that a
 * read is public, for the gateway's callers and for this service's security alike.
 */
@Configuration
public class PublicReadsConfig {

    @Bean
    PublicGetPaths tenantApiPublicReads() {
        return () -> PublicReads.of(RegionApi.class, HallApi.class, CalendarApi.class, CatalogApi.class, PackageApi.class);
    }
}
