package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Material uploads through the gateway's {@code POST /uploads} with real tokens: what a file is
 * is decided by its bytes, never by its name or declared type; the size is capped at the gateway
 * and at the service; only signed-in callers upload; the answer carries the SHA-256 of exactly
 * what was stored.
 */
@ExtendWith(PlatformUnderTest.class)
class MaterialUploadTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final long CAP = 20L * 1024 * 1024;

    record Answer(int status, JsonNode body) {
        String code() { return body.path("code").asString(null); }
    }

    /** A multipart/form-data POST of one part {@code file}, as a browser or curl -F sends it. */
    static Answer upload(String token, String fileName, String declaredType, byte[] content) {
        return upload(PlatformUnderTest.Service.GATEWAY.url(), token, fileName, declaredType, content);
    }

    /** The same through the gateway at {@code gatewayUrl} (e.g. one with production limits). */
    static Answer upload(String gatewayUrl, String token, String fileName, String declaredType, byte[] content) {
        String boundary = "----zwy" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var b = HttpRequest.newBuilder(URI.create(gatewayUrl + "/uploads"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                // as curl does for large bodies: a refused upload is refused before it is sent
                .expectContinue(true)
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) b.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body() == null || r.body().isBlank() ? Api.JSON.createObjectNode() : Api.JSON.readTree(r.body());
            return new Answer(r.statusCode(), json);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("POST /uploads failed", e);
        }
    }

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] image(String format) throws IOException {
        BufferedImage img = new BufferedImage(3, 3, BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    static byte[] ofd() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("OFD.xml"));
            zip.write("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD">
                      <ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody>
                    </ofd:OFD>
                    """.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("Doc_0/Document.xml"));
            zip.write("<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void uploadIsAcceptedOnlyByContent_M3() throws Exception {
        String citizen = Tokens.citizen("citizen.zhang");
        // a PDF with a meaningless name and declared type is a PDF
        Answer pdf = upload(citizen, "scan.bin", "application/octet-stream", pdf());
        assertThat(pdf.status()).as(pdf.body().toString()).isEqualTo(201);
        assertThat(pdf.body().path("type").asString()).isEqualTo("PDF");
        assertThat(pdf.body().path("name").asString()).isEqualTo("scan.bin");
        // a PNG called .pdf is a PNG; the name is kept for display only
        Answer png = upload(citizen, "户口本.pdf", "application/pdf", image("png"));
        assertThat(png.status()).isEqualTo(201);
        assertThat(png.body().path("type").asString()).isEqualTo("PNG");
        assertThat(png.body().path("name").asString()).isEqualTo("户口本.pdf");
        Answer jpeg = upload(citizen, "photo", "text/plain", image("jpeg"));
        assertThat(jpeg.body().path("type").asString()).isEqualTo("JPEG");
        // an OFD (a ZIP with OFD.xml) is an OFD; a plain ZIP is not
        Answer ofd = upload(citizen, "营业执照.ofd", "application/zip", ofd());
        assertThat(ofd.status()).isEqualTo(201);
        assertThat(ofd.body().path("type").asString()).isEqualTo("OFD");
        // staff of a tenant upload too (a clerk scanning paper materials at the window)
        Answer staff = upload(Tokens.staff("lianshan.clerk"), "扫描件.pdf", "application/pdf", pdf());
        assertThat(staff.status()).isEqualTo(201);
        assertThat(staff.body().path("id").asString()).isNotEqualTo(pdf.body().path("id").asString());
    }

    @Test
    void disguisedExecutableIsRefused() {
        byte[] exe = new byte[1024];
        exe[0] = 'M';
        exe[1] = 'Z';
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, exe, 0x4E, stub.length);
        Answer r = upload(Tokens.citizen("citizen.zhang"), "申请表.pdf", "application/pdf", exe);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("VALIDATION");
        assertThat(r.body().path("field").asString()).isEqualTo("file");
        assertThat(r.body().path("detail").asString()).contains("PDF、OFD、JPEG、PNG");

        Answer html = upload(Tokens.citizen("citizen.zhang"), "photo.png", "image/png",
                "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(html.status()).isEqualTo(400);
        assertThat(html.code()).isEqualTo("VALIDATION");
    }

    @Test
    void oversizedUploadIsRefused() {
        String citizen = Tokens.citizen("citizen.li");
        // one byte over the cap: within the gateway's allowance for multipart framing, refused by case-service
        byte[] justOver = new byte[(int) CAP + 1];
        System.arraycopy(pdf(), 0, justOver, 0, pdf().length);
        Answer service = upload(citizen, "big.pdf", "application/pdf", justOver);
        assertThat(service.status()).as(service.body().toString()).isEqualTo(413);
        assertThat(service.code()).isEqualTo("REQUEST_TOO_LARGE");
        assertThat(service.body().path("field").asString()).isEqualTo("file");
        // far over: refused by the gateway from the declared length, before the body is sent
        byte[] farOver = new byte[(int) CAP + 2 * 1024 * 1024];
        System.arraycopy(pdf(), 0, farOver, 0, pdf().length);
        Answer gateway = upload(citizen, "bigger.pdf", "application/pdf", farOver);
        assertThat(gateway.status()).isEqualTo(413);
        assertThat(gateway.code()).isEqualTo("REQUEST_TOO_LARGE");
        assertThat(gateway.body().path("detail").asString()).contains("20 MB");
    }

    @Test
    void uploadNeedsASignedInCaller() {
        Answer anonymous = upload(null, "a.pdf", "application/pdf", pdf());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
        Answer forged = upload("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "a.pdf", "application/pdf", pdf());
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void uploadRecordsSha256() throws Exception {
        byte[] png = image("png");
        Answer r = upload(Tokens.citizen("citizen.li"), "证件照.png", "image/png", png);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().path("sha256").asString()).isEqualTo(sha256(png));
        assertThat(r.body().path("size").asLong()).isEqualTo(png.length);
        assertThat(r.body().path("mediaType").asString()).isEqualTo("image/png");
        // and it is what the database holds for that upload id
        try (var c = CaseDb.connect(); var st = c.prepareStatement(
                "select u.sha256, u.size_bytes, o.content from material_upload u join material_object o using (object_key) where u.id = ?")) {
            st.setObject(1, UUID.fromString(r.body().path("id").asString()));
            try (var rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(sha256(png));
                assertThat(rs.getLong(2)).isEqualTo(png.length);
                assertThat(sha256(rs.getBytes(3))).isEqualTo(sha256(png));
            }
        }
    }
}
