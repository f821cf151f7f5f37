package cn.zwy.cases;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Cases (办件), appointments and the hall queue, reviews and complaints. The foundation ships
 * the running service (security, tenancy, events, health); the domains arrive with their issues.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CaseServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(CaseServiceApplication.class, args);
    }
}
