package cn.zwy.cases.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The S3-API store's configuration and request signing, without a server: no S3-API server can
 * run on this machine (none is packaged in the registries it reaches), and a hand-written
 * imitation would prove nothing about a real one. What is checked is what the SDK is about to
 * send: method, path-style URL on the configured endpoint, and a SigV4 signature for the
 * configured credentials and region over the payload's hash. Sending to a real bucket remains
 * to be tested on a cluster (docs/adr/0009-material-uploads.md).
 */
class S3ObjectStoreWiringTest {

    /** Captures the signed request and stops before anything is sent. */
    private static final class Capture implements ExecutionInterceptor {
        final AtomicReference<SdkHttpRequest> request = new AtomicReference<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            request.set(context.httpRequest());
            throw new Stop();
        }
    }

    private static final class Stop extends RuntimeException {}

    /** The call reached the point of sending (our interceptor stopped it), whatever the SDK wrapped it in. */
    private static void stopped(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).satisfies(t -> {
            Throwable c = t;
            while (c != null && !(c instanceof Stop)) c = c.getCause();
            assertThat(c).as("stopped before sending: " + t).isInstanceOf(Stop.class);
        });
    }

    private static final UploadProperties.S3 CONFIG = new UploadProperties.S3(
            "http://minio.zwy.internal:9000", "cn-south-1", "zwy-materials", "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", true);

    @Test
    void aPutIsSignedWithSigV4ForTheConfiguredStore() {
        Capture capture = new Capture();
        var store = new S3ObjectStore(S3ObjectStore.client(CONFIG, List.of(capture)), CONFIG.bucket());
        stopped(() -> store.put("citizen/0b9f1c2e", Samples.pdf(), "application/pdf"));

        SdkHttpRequest r = capture.request.get();
        assertThat(r.method().name()).isEqualTo("PUT");
        assertThat(r.getUri().toString()).isEqualTo("http://minio.zwy.internal:9000/zwy-materials/citizen/0b9f1c2e");
        String auth = r.firstMatchingHeader("Authorization").orElseThrow();
        assertThat(auth).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/cn-south-1/s3/aws4_request", "SignedHeaders=", "Signature=")
                .doesNotContain(CONFIG.secretAccessKey());
        assertThat(r.firstMatchingHeader("Content-Type")).contains("application/pdf");
        assertThat(r.firstMatchingHeader("X-Amz-Date")).isPresent();
    }

    @Test
    void aGetAndADeleteNameTheBucketAndKey() {
        Capture capture = new Capture();
        var store = new S3ObjectStore(S3ObjectStore.client(CONFIG, List.of(capture)), CONFIG.bucket());
        stopped(() -> store.get("441825/5d2e"));
        assertThat(capture.request.get().method().name()).isEqualTo("GET");
        assertThat(capture.request.get().getUri().getPath()).isEqualTo("/zwy-materials/441825/5d2e");
        stopped(() -> store.delete("441825/5d2e"));
        assertThat(capture.request.get().method().name()).isEqualTo("DELETE");
    }

    @Test
    void missingCredentialsOrBucketStopStartUp() {
        var noKey = new UploadProperties.S3("http://minio:9000", "cn-south-1", "b", "", "", true);
        assertThatThrownBy(() -> S3ObjectStore.client(noKey, List.of())).hasMessageContaining("ZWY_S3_ACCESS_KEY_ID");
        assertThatThrownBy(() -> new S3ObjectStore(S3ObjectStore.client(CONFIG, List.of()), " ")).hasMessageContaining("bucket");
        assertThat(CONFIG.toString()).doesNotContain(CONFIG.secretAccessKey());
    }
}
