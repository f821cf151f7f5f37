package cn.zwy.cases.material;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The object store {@code zwy.uploads.store} names. */
@Configuration
@EnableScheduling
class ObjectStoreConfig {

    @Bean
    ObjectStore objectStore(UploadProperties props, JdbcTemplate jdbc) {
        return switch (props.store()) {
            case "postgres" -> new PostgresObjectStore(jdbc);
            case "s3" -> new S3ObjectStore(S3ObjectStore.client(props.s3(), List.of()), props.s3().bucket());
            default -> throw new IllegalArgumentException("zwy.uploads.store: postgres or s3, not '" + props.store() + "'");
        };
    }
}
