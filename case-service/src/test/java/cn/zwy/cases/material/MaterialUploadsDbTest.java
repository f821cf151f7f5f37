package cn.zwy.cases.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.TenantTransactions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Uploads against the real case database (the run's own, migrated by this context), as the
 * application's role under row-level security: a submission claims only its sender's uploads, a
 * staff upload stays in its tenant, and an unclaimed upload expires with its bytes.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/${ZWY_CASE_DB:zwy_test_case}")
class MaterialUploadsDbTest {

    @Autowired MaterialUploads uploads;
    @Autowired UploadSweep sweep;
    @Autowired ObjectStore store;
    @Autowired TenantTransactions tx;
    @Autowired JdbcTemplate jdbc;

    static Caller citizen() {
        return new Caller(Realm.CITIZEN, UUID.randomUUID().toString(), "citizen.test", "张三", Set.of(), Optional.empty(), Optional.empty());
    }

    static Caller clerk(String tenant) {
        return new Caller(Realm.STAFF, UUID.randomUUID().toString(), tenant + ".clerk", "李四", Set.of("clerk"),
                Optional.of(tenant), Optional.empty());
    }

    @Test
    void aSubmissionClaimsOnlyItsSendersOwnUploads() {
        Caller zhang = citizen();
        UploadedMaterial m = uploads.upload(zhang, "身份证.pdf", Samples.pdf());
        assertThat(store.get(m.objectKey())).hasValueSatisfying(b -> assertThat(b).isEqualTo(Samples.pdf()));

        // someone else cannot reference it, and nothing is claimed when one id is wrong
        assertThatThrownBy(() -> uploads.claim(citizen(), "441825", List.of(m.id()), "case-x", "input.materials"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("input.materials"));
        assertThatThrownBy(() -> uploads.claim(zhang, "441825", List.of(m.id(), UUID.randomUUID()), "case-1", "input.materials"))
                .isInstanceOf(ApiException.class);

        List<UploadedMaterial> claimed = uploads.claim(zhang, "441825", List.of(m.id()), "case-1", "input.materials");
        assertThat(claimed).extracting(UploadedMaterial::sha256).containsExactly(m.sha256());
        // now the case's tenant holds it, and no other tenant sees it
        assertThat(uploads.find("441825", m.id())).isPresent();
        assertThat(uploads.find("440781", m.id())).isEmpty();
        // a claimed upload cannot be claimed again (by another submission)
        assertThatThrownBy(() -> uploads.claim(zhang, "441825", List.of(m.id()), "case-2", "input.materials"))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void aStaffUploadStaysInItsTenant() {
        Caller clerk = clerk("441825");
        UploadedMaterial m = uploads.upload(clerk, "扫描件.png", Samples.png());
        assertThatThrownBy(() -> uploads.claim(clerk, "440781", List.of(m.id()), "case-9", "materials"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        // another tenant's transaction does not see the row at all (RLS), even by id
        Integer seen = tx.read("440781", () -> jdbc.queryForObject("select count(*) from material_upload where id = ?", Integer.class, m.id()));
        assertThat(seen).isZero();
        assertThat(uploads.claim(clerk, "441825", List.of(m.id()), "case-9", "materials")).hasSize(1);
    }

    @Test
    void refusedFilesLeaveNothingBehind() {
        Caller zhang = citizen();
        Integer before = tx.platform(() -> jdbc.queryForObject("select count(*) from material_upload where owner_id = ?", Integer.class, zhang.userId()));
        assertThatThrownBy(() -> uploads.upload(zhang, "申请表.pdf", Samples.exe()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("file"));
        // a platform operator holds no tenant and has no materials to upload
        Caller operator = new Caller(Realm.STAFF, UUID.randomUUID().toString(), "platform.operator", "运维", Set.of(Caller.PLATFORM_OPERATOR),
                Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> uploads.upload(operator, "a.pdf", Samples.pdf()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        Integer after = tx.platform(() -> jdbc.queryForObject("select count(*) from material_upload where owner_id = ?", Integer.class, zhang.userId()));
        assertThat(after).isEqualTo(before).isZero();
    }

    @Test
    void anUnclaimedUploadExpiresWithItsBytes() {
        Caller zhang = citizen();
        UploadedMaterial expired = uploads.upload(zhang, "old.jpg", Samples.jpeg());
        UploadedMaterial kept = uploads.upload(zhang, "kept.pdf", Samples.pdf());
        UploadedMaterial fresh = uploads.upload(zhang, "fresh.pdf", Samples.pdf());
        uploads.claim(zhang, "441825", List.of(kept.id()), "case-k", "materials");
        // a day later for the first one (and the claimed one would be as old, but is claimed)
        tx.platform(() -> jdbc.update("update material_upload set expires_at = now() - interval '1 minute' where id = ?", expired.id()));

        assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(store.get(expired.objectKey())).isEmpty();
        assertThat(tx.platform(() -> jdbc.queryForObject("select count(*) from material_upload where id = ?", Integer.class, expired.id()))).isZero();
        assertThat(store.get(kept.objectKey())).isPresent();
        assertThat(uploads.find("441825", kept.id())).isPresent();
        assertThat(store.get(fresh.objectKey())).isPresent();
        // an expired upload can no longer be referenced
        assertThatThrownBy(() -> uploads.claim(zhang, "441825", List.of(expired.id()), "case-e", "materials")).isInstanceOf(ApiException.class);
    }
}
