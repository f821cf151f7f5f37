package cn.zwy.cases.material;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Material uploads.
 *
 * @param maxBytes      the largest file accepted (default 20 MB; the gateway's {@code zwy.uploads.max-bytes} must match)
 * @param expireAfter   how long an upload no submission references is kept
 * @param sweepInterval how often expired uploads are removed ({@link UploadSweep})
 * @param store         {@code postgres} (default) or {@code s3}
 */
@ConfigurationProperties("zwy.uploads")
public record UploadProperties(DataSize maxBytes, Duration expireAfter, Duration sweepInterval, String store, S3 s3) {

    public UploadProperties {
        if (maxBytes == null) maxBytes = DataSize.ofMegabytes(20);
        if (expireAfter == null) expireAfter = Duration.ofHours(24);
        if (sweepInterval == null) sweepInterval = Duration.ofMinutes(15);
        if (store == null || store.isBlank()) store = "postgres";
        if (s3 == null) s3 = new S3(null, "cn-north-1", null, null, null, true);
    }

    /** An S3-API store: endpoint (empty for AWS itself), region, bucket, credentials, path-style addressing. */
    public record S3(String endpoint, String region, String bucket, String accessKeyId, String secretAccessKey, boolean pathStyle) {
        public S3 {
            if (region == null || region.isBlank()) region = "cn-north-1";
        }

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", pathStyle=" + pathStyle + "]";
        }
    }
}
