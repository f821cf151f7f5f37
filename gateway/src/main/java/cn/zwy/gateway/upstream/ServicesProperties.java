package cn.zwy.gateway.upstream;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Base URLs of the internal services. */
@ConfigurationProperties("zwy.services")
public record ServicesProperties(String tenantUrl, String searchUrl, String caseUrl) {
    public ServicesProperties {
        if (tenantUrl == null) tenantUrl = "http://127.0.0.1:8081";
        if (searchUrl == null) searchUrl = "http://127.0.0.1:8083";
        if (caseUrl == null) caseUrl = "http://127.0.0.1:8082";
    }
}
