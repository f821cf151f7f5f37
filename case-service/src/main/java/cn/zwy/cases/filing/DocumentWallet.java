package cn.zwy.cases.filing;

import cn.zwy.cases.api.WalletAccess;
import cn.zwy.cases.api.WalletDocument;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.security.Caller;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The citizen's document wallet (G4): the materials accepted on their cases (valid for {@link #MATERIAL_VALIDITY_DAYS}
 * from acceptance: the guides state no validity of their own yet) and the results of their approved cases (no expiry;
 * kept {@link #RESULT_RETENTION_YEARS} years as the authority's record, so not deletable before). With the consent
 * given at submission a held document is attached instead of an upload; an expired one never is. Every keeping,
 * reuse and deletion is recorded (wallet_access). Joins the caller's transaction where there is one.
 */
@Component
class DocumentWallet {

    static final int MATERIAL_VALIDITY_DAYS = 365;
    static final int RESULT_RETENTION_YEARS = 30;
    private static final String PREFIX = "w:";

    private final JdbcTemplate jdbc;
    private final TenantTransactions tx;
    private final GuideVersions guides;
    private final MaterialUploads uploads;

    DocumentWallet(JdbcTemplate jdbc, TenantTransactions tx, GuideVersions guides, MaterialUploads uploads) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.guides = guides;
        this.uploads = uploads;
    }

    /** A held document about to be attached: its file and the case it came from. */
    record Held(UUID id, String uploadId, String sourceCaseNumber) {}

    // ------------------------------------------------------------------ kept from cases (inside the case's transaction)

    /** On acceptance: the case's uploaded materials (not those it reused) go into the applicant's wallet. */
    void keepAccepted(CaseRow c, List<CaseService.StoredMaterial> materials, LocalDate today) {
        if (c.citizenId == null) return; // a station's applicant without an account has no wallet (T3)
        String issuer = issuer(c) + "（受理）";
        for (CaseService.StoredMaterial m : materials) {
            if (m.uploadId() == null || m.walletDocumentId() != null) continue;
            keep(c, "MATERIAL", m.name(), issuer, UUID.fromString(m.uploadId()), today, today.plusDays(MATERIAL_VALIDITY_DAYS), null);
        }
    }

    /** On approval: the case's result (the guide's result, e.g. 出生医学证明) as an electronic document of its issuer. */
    void keepResult(CaseRow c, LocalDate today) {
        if (c.citizenId == null || !"APPROVED".equals(c.result)) return;
        String name = guides.byId(c.guideVersionId).map(GuideVersion::resultName).orElse(null);
        keep(c, "RESULT", name == null ? c.itemName + "办理结果" : name, issuer(c), null, today, null, today.plusYears(RESULT_RETENTION_YEARS));
    }

    private void keep(CaseRow c, String kind, String name, String issuer, UUID uploadId, LocalDate issuedOn, LocalDate validUntil,
                      LocalDate retainedUntil) {
        UUID id = UUID.randomUUID();
        int added = jdbc.update("""
                insert into wallet_document (id, citizen_id, kind, name, issuer, tenant_id, source_case_id, source_case_number,
                    upload_id, issued_on, valid_until, retained_until)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, citizen_id, source_case_id, kind, name) do nothing""",
                id, c.citizenId, kind, name, issuer, c.tenantId, c.publicId().toString(), c.caseNumber, uploadId, Date.valueOf(issuedOn),
                validUntil == null ? null : Date.valueOf(validUntil), retainedUntil == null ? null : Date.valueOf(retainedUntil));
        if (added > 0) access(c.citizenId, id, "KEPT", c.publicId().toString(), null);
    }

    private String issuer(CaseRow c) {
        String tenant = guides.byId(c.guideVersionId).map(GuideVersion::tenantName).orElse(c.tenantId);
        return tenant + " " + c.itemName;
    }

    // ------------------------------------------------------------------ reuse at submission (inside the filing's transaction)

    /**
     * A document of the caller's wallet for material {@code name}: theirs, not deleted, of that name, not expired
     * on {@code today} (RULE_VIOLATION G4 naming {@code field}); the reuse is recorded with the consent.
     */
    Held reuse(Caller caller, String walletId, String name, String field, String caseId, LocalDate today) {
        UUID id = parse(walletId).orElseThrow(() -> ApiException.notFound(field, "证照夹中没有这份文件: " + walletId));
        List<Object[]> found = jdbc.query("""
                select name, upload_id, source_case_number, valid_until, kind from wallet_document
                 where id = ? and citizen_id = ? and deleted_at is null""",
                (rs, n) -> new Object[] {rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getDate(4), rs.getString(5)},
                id, caller.userId());
        if (found.isEmpty()) throw ApiException.notFound(field, "证照夹中没有这份文件: " + walletId);
        Object[] d = found.getFirst();
        if (!name.equals(d[0])) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "证照夹中的“" + d[0] + "”不能作为“" + name + "”提交", field, "G4");
        }
        if (d[3] != null && ((Date) d[3]).toLocalDate().isBefore(today)) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "证照夹中的“" + d[0] + "”已于 " + d[3] + " 过期，不能复用，请上传新的材料", field, "G4");
        }
        access(caller.userId(), id, "REUSED", caseId, true);
        return new Held(id, d[1] == null ? null : d[1].toString(), (String) d[2]);
    }

    // ------------------------------------------------------------------ the citizen's own

    List<WalletDocument> mine(Caller caller) {
        CaseService.requireCitizen(caller);
        LocalDate today = Today.date();
        return tx.platform(() -> jdbc.query("""
                select * from wallet_document where citizen_id = ? and deleted_at is null order by issued_on desc, name""",
                (rs, n) -> view(rs, today), caller.userId()));
    }

    /** Deletes a document of the caller's wallet, unless a legal retention period keeps it (RULE_VIOLATION G4). */
    WalletDocument delete(Caller caller, String walletId) {
        CaseService.requireCitizen(caller);
        UUID id = parse(walletId).orElseThrow(() -> ApiException.notFound("id", "证照夹中没有这份文件: " + walletId));
        LocalDate today = Today.date();
        return tx.platform(() -> {
            WalletDocument d = jdbc.query("select * from wallet_document where id = ? and citizen_id = ? and deleted_at is null for update",
                    (rs, n) -> view(rs, today), id, caller.userId()).stream().findFirst()
                    .orElseThrow(() -> ApiException.notFound("id", "证照夹中没有这份文件: " + walletId));
            if (!d.deletable()) {
                throw new ApiException(ErrorCode.RULE_VIOLATION, "“" + d.name() + "”依法保存至 " + d.retainedUntil() + "，在此之前不能删除", "id", "G4");
            }
            jdbc.update("update wallet_document set deleted_at = now() where id = ?", id);
            access(caller.userId(), id, "DELETED", null, null);
            return d;
        });
    }

    /**
     * G4: the caller downloads a document of their wallet that holds a file (an accepted upload); the download is
     * recorded. Another's document, a deleted one or a wallet id that names nothing is NOT_FOUND; a result recorded
     * without a file (until electronic licences are issued) is NOT_FOUND on {@code id} saying so.
     */
    MaterialUploads.StoredFile download(Caller caller, String walletId) {
        CaseService.requireCitizen(caller);
        UUID id = parse(walletId).orElseThrow(() -> ApiException.notFound("id", "证照夹中没有这份文件: " + walletId));
        Object[] d = tx.platform(() -> jdbc.query("""
                select name, tenant_id, upload_id from wallet_document where id = ? and citizen_id = ? and deleted_at is null""",
                (rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class)}, id, caller.userId())
                .stream().findFirst().orElseThrow(() -> ApiException.notFound("id", "证照夹中没有这份文件: " + walletId)));
        if (d[2] == null) {
            throw ApiException.notFound("id", "“" + d[0] + "”目前只有办理记录，尚无电子文件（电子证照签发后可下载）");
        }
        // the file stays the source case's upload, in the source case's tenant
        String tenant = (String) d[1];
        MaterialUploads.StoredFile file = uploads.file(tenant, (UUID) d[2])
                .orElseThrow(() -> ApiException.notFound("id", "“" + d[0] + "”的文件已不在存储中"));
        tx.platform(() -> {
            access(caller.userId(), id, "DOWNLOADED", null, null);
            return null;
        });
        return file;
    }

    /** G4: what was done with a document of the caller's wallet (kept, reused with consent, downloaded, deleted), oldest first. */
    List<WalletAccess> accessOf(Caller caller, String walletId) {
        CaseService.requireCitizen(caller);
        UUID id = parse(walletId).orElseThrow(() -> ApiException.notFound("id", "证照夹中没有这份文件: " + walletId));
        return tx.platform(() -> {
            // a deleted document's record stays readable for its owner: the deletion is part of it
            if (jdbc.queryForObject("select count(*) from wallet_document where id = ? and citizen_id = ?", Integer.class,
                    id, caller.userId()) == 0) {
                throw ApiException.notFound("id", "证照夹中没有这份文件: " + walletId);
            }
            return jdbc.query("select action, case_id, consent, at from wallet_access where document_id = ? and citizen_id = ? order by at, id",
                    (rs, n) -> new WalletAccess(rs.getString(1), rs.getString(2), (Boolean) rs.getObject(3), rs.getTimestamp(4).toInstant()),
                    id, caller.userId());
        });
    }

    private void access(String citizenId, UUID id, String action, String caseId, Boolean consent) {
        // the record is kept under the document's tenant (every key carries the tenant, ADR 0027)
        jdbc.update("""
                insert into wallet_access (tenant_id, citizen_id, document_id, action, case_id, consent)
                select tenant_id, citizen_id, id, ?, ?, ? from wallet_document where citizen_id = ? and id = ?""",
                action, caseId, consent, citizenId, id);
    }

    private static WalletDocument view(java.sql.ResultSet rs, LocalDate today) throws java.sql.SQLException {
        Date valid = rs.getDate("valid_until");
        Date retained = rs.getDate("retained_until");
        return new WalletDocument(PREFIX + rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("name"), rs.getString("issuer"),
                rs.getString("tenant_id"), rs.getString("source_case_id"), rs.getString("source_case_number"), rs.getObject("upload_id") != null,
                rs.getDate("issued_on").toLocalDate(), valid == null ? null : valid.toLocalDate(),
                valid != null && valid.toLocalDate().isBefore(today), retained == null ? null : retained.toLocalDate(),
                retained == null || retained.toLocalDate().isBefore(today));
    }

    /** Wallet ids are "w:<uuid>"; anything else names no document. */
    private static java.util.Optional<UUID> parse(String id) {
        if (id == null || !id.startsWith(PREFIX)) return java.util.Optional.empty();
        try {
            return java.util.Optional.of(UUID.fromString(id.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
