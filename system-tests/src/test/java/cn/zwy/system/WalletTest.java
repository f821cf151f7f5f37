package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Materials submitted once (G4, ADR 0026) against the real platform: an approved case's result (出生医学证明) and an
 * accepted upload go into the applicant's wallet; with consent a later filing attaches them instead of an upload and
 * staff see from which case; an expired document is never attached; without consent nothing is; a result kept by a
 * legal retention period cannot be deleted, an accepted material can; nobody else sees or deletes them.
 */
@ExtendWith(PlatformUnderTest.class)
class WalletTest {

    private static final String WALLET = "{ myWallet { id kind name issuer sourceCaseId sourceCaseNumber hasFile issuedOn validUntil expired retainedUntil deletable } }";
    private static final String SUBMIT = """
            mutation($input: SubmitCaseInput!) { submitCase(input: $input) { receipt { caseId caseNumber materials { name uploaded reusedFromCase } } } }""";

    private static Map<String, Object> filing(String itemId, List<Map<String, Object>> materials, Boolean consent) {
        Map<String, Object> input = new HashMap<>();
        input.put("idempotencyKey", UUID.randomUUID().toString());
        input.put("itemId", itemId);
        input.put("applicant", Map.of("kind", "INDIVIDUAL", "name", "李四", "idNumber", Cases.ID_NUMBER));
        input.put("contact", Map.of("name", "李四", "phone", Cases.PHONE));
        input.put("materials", materials);
        if (consent != null) input.put("walletConsent", consent);
        return input;
    }

    private static Api.Response submit(String token, Map<String, Object> input) {
        return Cases.submitGraphQl(token, SUBMIT, input, "itemId");
    }

    private static JsonNode approved(String token, Map<String, Object> input) {
        Api.Response filed = submit(token, input);
        assertThat(filed.errors()).as(filed.body().toString()).isNull();
        String id = filed.data().at("/submitCase/receipt/caseId").asString();
        Api.Response a = Api.graphql(Cases.clerk(), "mutation($i: AcceptCaseInput!) { acceptCase(input: $i) { case { status version } } }",
                Map.of("i", Cases.staffAction(id, Cases.version(id), "综合受理窗口 3 号")));
        assertThat(a.errors()).as(a.body().toString()).isNull();
        if (!a.data().at("/acceptCase/case/status").asString().equals("COMPLETED")) {
            Api.Response c = Api.graphql(Cases.approver(), "mutation($i: CompleteCaseInput!) { completeCase(input: $i) { case { status } } }",
                    Map.of("i", Cases.staffAction(id, a.data().at("/acceptCase/case/version").asLong(), "审批窗口", "approved", true)));
            assertThat(c.errors()).as(c.body().toString()).isNull();
        }
        return filed.data().at("/submitCase/receipt");
    }

    private static JsonNode wallet(String token) {
        Api.Response r = Api.graphql(token, WALLET, Map.of());
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().path("myWallet");
    }

    private static JsonNode held(String token, String sourceCaseId, String kind) {
        for (JsonNode d : wallet(token)) {
            if (d.path("sourceCaseId").asString().equals(sourceCaseId) && d.path("kind").asString().equals(kind)) return d;
        }
        throw new AssertionError("no " + kind + " of " + sourceCaseId + " in " + wallet(token));
    }

    private static List<Map<String, Object>> paper(String... names) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String n : names) out.add(Map.of("name", n, "copies", 1));
        return out;
    }

    /** A 出生医学证明 issued on an approved case of citizen.li: the wallet's RESULT document. */
    private static JsonNode certificateHeld(String li) {
        JsonNode first = approved(li, filing(GuidanceTest.itemId("出生医学证明办理"), paper("居民身份证", "出生医学证明首次签发申请表"), null));
        JsonNode result = held(li, first.path("caseId").asString(), "RESULT");
        assertThat(result.path("name").asString()).isEqualTo("出生医学证明");
        assertThat(result.path("issuer").asString()).contains("连山", "出生医学证明办理");
        assertThat(result.path("sourceCaseNumber").asString()).isEqualTo(first.path("caseNumber").asString());
        assertThat(result.path("expired").asBoolean()).isFalse();
        return result;
    }

    @Test
    void aHeldResultIsAttachedWithConsentAndStaffSeeFromWhichCase_G4() {
        String li = Cases.otherCitizen();
        JsonNode certificate = certificateHeld(li);
        // 出生登记 asks for the 出生医学证明: the wallet's is attached instead of an upload
        List<Map<String, Object>> materials = new ArrayList<>(paper("居民户口簿", "居民身份证"));
        materials.add(Map.of("name", "出生医学证明", "walletDocumentId", certificate.path("id").asString()));
        Api.Response filed = submit(li, filing(GuidanceTest.itemId("出生登记"), materials, true));
        assertThat(filed.errors()).as(filed.body().toString()).isNull();
        JsonNode received = filed.data().at("/submitCase/receipt/materials/2");
        assertThat(received.path("name").asString()).isEqualTo("出生医学证明");
        assertThat(received.path("reusedFromCase").asString()).isEqualTo(certificate.path("sourceCaseNumber").asString());
        // the clerk sees that it was reused and from which case
        String id = filed.data().at("/submitCase/receipt/caseId").asString();
        Api.Response seen = Api.graphql(Cases.clerk(), "query($id: ID!) { case(id: $id) { materials { name reusedFromCase } } }", Map.of("id", id));
        assertThat(seen.data().at("/case/materials/2/reusedFromCase").asString()).isEqualTo(certificate.path("sourceCaseNumber").asString());
        // another citizen cannot attach it: it is not in their wallet
        List<Map<String, Object>> stolen = new ArrayList<>(paper("居民户口簿", "居民身份证"));
        stolen.add(Map.of("name", "出生医学证明", "walletDocumentId", certificate.path("id").asString()));
        Api.Response zhang = submit(Cases.citizen(), filing(GuidanceTest.itemId("出生登记"), stolen, true));
        assertThat(zhang.errorCode()).as(zhang.body().toString()).isEqualTo("NOT_FOUND");
        assertThat(zhang.errorField()).isEqualTo("materials[2].walletDocumentId");
    }

    @Test
    void withoutConsentNothingIsAttached_G4() {
        String li = Cases.otherCitizen();
        JsonNode certificate = certificateHeld(li);
        List<Map<String, Object>> materials = new ArrayList<>(paper("居民户口簿"));
        materials.add(Map.of("name", "出生医学证明", "walletDocumentId", certificate.path("id").asString()));
        Api.Response r = submit(li, filing(GuidanceTest.itemId("出生登记"), materials, null));
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(r.errorField()).isEqualTo("walletConsent");
        assertThat(r.errorRule()).isEqualTo("G4");
    }

    @Test
    void expiredDocumentIsNotReused_G4() throws Exception {
        String li = Cases.otherCitizen();
        JsonNode certificate = certificateHeld(li);
        // its validity ended yesterday (set in the database: a result held a year ago would read the same)
        try (Connection c = CaseDb.connectAsOwner();
             PreparedStatement st = c.prepareStatement("update wallet_document set valid_until = current_date - 1 where id = ?")) {
            st.setObject(1, UUID.fromString(certificate.path("id").asString().substring(2)));
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
        assertThat(held(li, certificate.path("sourceCaseId").asString(), "RESULT").path("expired").asBoolean()).isTrue();
        List<Map<String, Object>> materials = new ArrayList<>(paper("居民户口簿", "居民身份证"));
        materials.add(Map.of("name", "出生医学证明", "walletDocumentId", certificate.path("id").asString()));
        Api.Response r = submit(li, filing(GuidanceTest.itemId("出生登记"), materials, true));
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(r.errorField()).isEqualTo("materials[2].walletDocumentId");
        assertThat(r.errorRule()).isEqualTo("G4");
        assertThat(r.errors().get(0).path("message").asString()).contains("过期");
    }

    @Test
    void aRetainedResultCannotBeDeletedAnAcceptedMaterialCan_G4() {
        String li = Cases.otherCitizen();
        JsonNode certificate = certificateHeld(li);
        String delete = "mutation($i: DeleteWalletDocumentInput!) { deleteWalletDocument(input: $i) { document { id name } } }";
        Api.Response kept = Api.graphql(li, delete, Map.of("i", Map.of("id", certificate.path("id").asString())));
        assertThat(kept.errorCode()).as(kept.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(kept.errorRule()).isEqualTo("G4");
        assertThat(certificate.path("deletable").asBoolean()).isFalse();
        assertThat(certificate.path("retainedUntil").asString()).isNotBlank();

        // an uploaded material, accepted: held for a year, deletable; nobody else deletes it
        MaterialUploadTest.Answer up = MaterialUploadTest.upload(li, "身份证.pdf", "application/pdf", MaterialUploadTest.pdf());
        assertThat(up.status()).as(up.body().toString()).isEqualTo(201);
        List<Map<String, Object>> materials = List.of(Map.of("name", "居民身份证", "uploadId", up.body().path("id").asString()),
                Map.of("name", "出生医学证明首次签发申请表", "copies", 1));
        JsonNode receipt = approved(li, filing(GuidanceTest.itemId("出生医学证明办理"), materials, null));
        JsonNode material = held(li, receipt.path("caseId").asString(), "MATERIAL");
        assertThat(material.path("name").asString()).isEqualTo("居民身份证");
        assertThat(material.path("hasFile").asBoolean()).isTrue();
        assertThat(material.path("validUntil").asString()).isNotBlank();
        assertThat(material.path("deletable").asBoolean()).isTrue();
        Api.Response other = Api.graphql(Cases.citizen(), delete, Map.of("i", Map.of("id", material.path("id").asString())));
        assertThat(other.errorCode()).as(other.body().toString()).isEqualTo("NOT_FOUND");
        Api.Response staff = Api.graphql(Cases.clerk(), delete, Map.of("i", Map.of("id", material.path("id").asString())));
        assertThat(staff.errorCode()).as(staff.body().toString()).isEqualTo("FORBIDDEN");
        Api.Response gone = Api.graphql(li, delete, Map.of("i", Map.of("id", material.path("id").asString())));
        assertThat(gone.errors()).as(gone.body().toString()).isNull();
        List<String> left = new ArrayList<>();
        wallet(li).forEach(d -> left.add(d.path("id").asString()));
        assertThat(left).doesNotContain(material.path("id").asString()).contains(certificate.path("id").asString());
    }

    /** GET of the gateway's download path with {@code token}: status, content type and bytes. */
    private static java.net.http.HttpResponse<byte[]> download(String token, String path) throws Exception {
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(PlatformUnderTest.Service.GATEWAY.url() + path)).GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        return java.net.http.HttpClient.newHttpClient().send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<String> actions(String token, String id) {
        Api.Response r = Api.graphql(token, "query($id: ID!) { walletDocumentAccess(id: $id) { action caseId consent at } }", Map.of("id", id));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        List<String> out = new ArrayList<>();
        r.data().path("walletDocumentAccess").forEach(a -> out.add(a.path("action").asString()));
        return out;
    }

    @Test
    void walletDocumentDownloadIsRecorded_G4() throws Exception {
        String li = Cases.otherCitizen();
        // an uploaded 居民身份证, accepted on a case: the wallet holds its file
        byte[] pdf = MaterialUploadTest.pdf();
        MaterialUploadTest.Answer up = MaterialUploadTest.upload(li, "身份证.pdf", "application/pdf", pdf);
        assertThat(up.status()).as(up.body().toString()).isEqualTo(201);
        List<Map<String, Object>> materials = List.of(Map.of("name", "居民身份证", "uploadId", up.body().path("id").asString()),
                Map.of("name", "出生医学证明首次签发申请表", "copies", 1));
        JsonNode receipt = approved(li, filing(GuidanceTest.itemId("出生医学证明办理"), materials, null));
        JsonNode material = held(li, receipt.path("caseId").asString(), "MATERIAL");
        String id = material.path("id").asString();
        Api.Response paths = Api.graphql(li, "{ myWallet { id downloadPath } }", Map.of());
        String path = null;
        for (JsonNode d : paths.data().path("myWallet")) if (d.path("id").asString().equals(id)) path = d.path("downloadPath").asString();
        assertThat(path).isEqualTo("/wallet/" + id + "/file");

        // the owner downloads the file exactly as uploaded, and the download is recorded
        var r = download(li, path);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/pdf");
        assertThat(r.headers().firstValue("cache-control").orElse("")).contains("no-store");
        assertThat(r.body()).isEqualTo(pdf);
        assertThat(actions(li, id)).containsExactly("KEPT", "DOWNLOADED");

        // nobody else downloads it: another citizen NOT_FOUND, staff FORBIDDEN, signed out UNAUTHENTICATED; nothing recorded
        var other = download(Cases.citizen(), path);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(new String(other.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("NOT_FOUND");
        assertThat(download(Cases.clerk(), path).statusCode()).isEqualTo(403);
        assertThat(download(null, path).statusCode()).isEqualTo(401);
        assertThat(download(li, "/wallet/not-a-wallet-id/file").statusCode()).isEqualTo(404);
        assertThat(actions(li, id)).containsExactly("KEPT", "DOWNLOADED");
        Api.Response others = Api.graphql(Cases.citizen(), "query($id: ID!) { walletDocumentAccess(id: $id) { action } }", Map.of("id", id));
        assertThat(others.errorCode()).isEqualTo("NOT_FOUND");

        // a result recorded without a file has no download path, and asking for one says why
        JsonNode certificate = certificateHeld(li);
        assertThat(certificate.path("hasFile").asBoolean()).isFalse();
        var none = download(li, "/wallet/" + certificate.path("id").asString() + "/file");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(new String(none.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("尚无电子文件");
    }
}
