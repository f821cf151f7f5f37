package cn.zwy.cases.material;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Objects in an S3-API store (AWS S3, or in a government cloud MinIO, Ceph RGW, OSS/OBS/COS in
 * S3 mode): one bucket, keys as the platform makes them, requests signed with SigV4 by the AWS
 * SDK v2, over the JDK's HTTP client (no Netty or Apache client in the service). Selected with
 * {@code zwy.uploads.store=s3} and {@code zwy.uploads.s3.*}.
 */
public class S3ObjectStore implements ObjectStore {

    private final S3Client s3;
    private final String bucket;

    public S3ObjectStore(S3Client s3, String bucket) {
        if (bucket == null || bucket.isBlank()) throw new IllegalArgumentException("zwy.uploads.s3.bucket is not set");
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The client for the configuration (interceptors: observation hooks, e.g. in tests). */
    public static S3Client client(UploadProperties.S3 config, List<ExecutionInterceptor> interceptors) {
        if (config.accessKeyId() == null || config.accessKeyId().isBlank()
                || config.secretAccessKey() == null || config.secretAccessKey().isBlank()) {
            throw new IllegalArgumentException("zwy.uploads.store=s3 needs ZWY_S3_ACCESS_KEY_ID and ZWY_S3_SECRET_ACCESS_KEY");
        }
        var b = S3Client.builder()
                .region(Region.of(config.region()))
                .forcePathStyle(config.pathStyle())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> interceptors.forEach(o::addExecutionInterceptor));
        if (config.endpoint() != null && !config.endpoint().isBlank()) b.endpointOverride(URI.create(config.endpoint()));
        return b.build();
    }

    @Override
    public void put(String key, byte[] content, String mediaType) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(mediaType).contentLength((long) content.length),
                RequestBody.fromBytes(content));
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }
}
