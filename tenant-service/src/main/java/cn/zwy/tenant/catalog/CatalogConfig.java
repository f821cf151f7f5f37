package cn.zwy.tenant.catalog;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class CatalogConfig {

    /** Dates of announcements and effect are Beijing time; a bean so that tests can fix "today". */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(NoticePeriod.ZONE);
    }
}
