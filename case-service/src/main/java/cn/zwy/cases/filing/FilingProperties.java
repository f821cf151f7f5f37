package cn.zwy.cases.filing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param nearDeadlinePercent the share of a case's limit after which it is flagged as near its deadline (C8), default 80
 */
@ConfigurationProperties("zwy.cases")
record FilingProperties(Integer nearDeadlinePercent) {

    FilingProperties {
        if (nearDeadlinePercent == null) nearDeadlinePercent = 80;
        if (nearDeadlinePercent < 1 || nearDeadlinePercent > 100) {
            throw new IllegalArgumentException("zwy.cases.near-deadline-percent must be between 1 and 100");
        }
    }
}
