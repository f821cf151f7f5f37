package cn.zwy.cases.material;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.TenantTransactions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * Material uploads: a signed-in citizen or a staff member of a tenant sends a file; what it is
 * is decided from its content ({@link ContentSniffer}: PDF, OFD, JPEG, PNG only), it is capped in
 * size, its SHA-256 is recorded, its bytes go to the {@link ObjectStore}, and the answer is an
 * upload id. The upload belongs to its sender (realm and subject; a staff upload also to the
 * staff member's tenant). A later submission by the same sender references it with {@link #claim};
 * an upload nobody claims expires ({@code zwy.uploads.expire-after}) and {@link UploadSweep}
 * removes it with its bytes.
 */
@Service
public class MaterialUploads {

    private static final int MAX_NAME = 200;

    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final ObjectStore store;
    private final UploadProperties props;

    public MaterialUploads(TenantTransactions tx, JdbcTemplate jdbc, ObjectStore store, UploadProperties props) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.store = store;
        this.props = props;
    }

    /** Accepts the file or refuses it (VALIDATION / REQUEST_TOO_LARGE naming {@code file}); nothing is stored when refused. */
    public UploadedMaterial upload(Caller caller, String fileName, byte[] content) {
        Optional<String> tenant = tenantOf(caller);
        if (content == null || content.length == 0) throw ApiException.validation("file", "文件为空");
        if (content.length > props.maxBytes().toBytes()) throw tooLarge(props.maxBytes().toBytes());
        MaterialType type = ContentSniffer.sniff(content).orElseThrow(() -> ApiException.validation("file",
                "只接受 PDF、OFD、JPEG、PNG 格式的材料：按文件内容判断，该文件不属于其中任何一种（与文件名和声明的类型无关）"));
        UUID id = UUID.randomUUID();
        String key = tenant.orElse("citizen") + "/" + id;
        String name = displayName(fileName, type);
        String sha256 = sha256(content);
        Instant now = Instant.now();
        try {
            // with the PostgreSQL store the bytes and the record commit together; with S3 a failed
            // insert removes the object again (below), so there is never a record without bytes
            run(tenant, () -> {
                store.put(key, content, type.mediaType());
                jdbc.update("""
                    insert into material_upload (id, tenant_id, owner_realm, owner_id, file_name, material_type, size_bytes,
                                                 sha256, object_key, created_at, expires_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    id, tenant.orElse(null), caller.realm().name(), caller.userId(), name, type.name(), (long) content.length,
                        sha256, key, Timestamp.from(now), Timestamp.from(now.plus(props.expireAfter())));
            });
        } catch (RuntimeException e) {
            store.delete(key);
            throw e;
        }
        return new UploadedMaterial(id, name, type, content.length, sha256, key, now);
    }

    /**
     * Attaches the caller's uploads to case {@code caseId} of {@code tenantId} (the case's tenant),
     * so they no longer expire; call it in the transaction that writes the case (it joins it). Every
     * id must be an unexpired, unclaimed upload of this caller (and, for staff, of this tenant),
     * else VALIDATION naming {@code field} and nothing is claimed.
     */
    public List<UploadedMaterial> claim(Caller caller, String tenantId, Collection<UUID> uploadIds, String caseId, String field) {
        Optional<String> ownTenant = tenantOf(caller);
        if (ownTenant.isPresent() && !ownTenant.get().equals(tenantId)) {
            throw ApiException.forbidden("工作人员只能为本单位的办件引用材料");
        }
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(uploadIds));
        if (ids.isEmpty()) return List.of();
        return tx.write(tenantId, () -> {
            List<UploadedMaterial> found = jdbc.query("""
                    select * from material_upload
                     where id = any(?) and owner_realm = ? and owner_id = ? and case_id is null and expires_at > now()
                       and (tenant_id is null or tenant_id = ?)
                     for update""", ROW, ids.toArray(UUID[]::new), caller.realm().name(), caller.userId(), tenantId);
            if (found.size() != ids.size()) {
                List<UUID> missing = ids.stream().filter(i -> found.stream().noneMatch(f -> f.id().equals(i))).toList();
                throw ApiException.validation(field, "材料 " + missing + " 不存在、已过期、已被引用或不是您上传的，请重新上传");
            }
            jdbc.update("update material_upload set tenant_id = ?, case_id = ?, expires_at = null where id = any(?)",
                    tenantId, caseId, ids.toArray(UUID[]::new));
            return ids.stream().map(i -> found.stream().filter(f -> f.id().equals(i)).findFirst().orElseThrow()).toList();
        });
    }

    /** The stored upload of case-tenant {@code tenantId} (claimed or the caller's own), if visible there. */
    public Optional<UploadedMaterial> find(String tenantId, UUID id) {
        return tx.read(tenantId, () -> jdbc.query("select * from material_upload where id = ? and tenant_id = ?", ROW, id, tenantId)
                .stream().findFirst());
    }

    /** The bytes of an upload, exactly as received. */
    public Optional<byte[]> content(UploadedMaterial material) {
        return store.get(material.objectKey());
    }

    /** A citizen has no tenant; staff upload for their own tenant (a provincial administrator only reads, a platform operator holds none). */
    private static Optional<String> tenantOf(Caller caller) {
        if (caller.realm() == Realm.CITIZEN) return Optional.empty();
        return caller.tenant().filter(caller::actsFor).map(Optional::of)
                .orElseThrow(() -> ApiException.forbidden("只有已登录的群众或本单位工作人员可以上传材料"));
    }

    private <T> void run(Optional<String> tenant, Runnable work) {
        if (tenant.isPresent()) tx.write(tenant.get(), () -> { work.run(); return null; });
        else tx.platform(() -> { work.run(); return null; });
    }

    static ApiException tooLarge(long max) {
        return new ApiException(ErrorCode.REQUEST_TOO_LARGE, "文件超过 " + describe(max) + " 上限", "file", null);
    }

    static String describe(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " 字节";
    }

    /** The sender's name without any path, control or bidi characters, bounded; a type-less name gets the content's extension. */
    static String displayName(String raw, MaterialType type) {
        String n = raw == null ? "" : raw;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = n.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (n.isEmpty()) n = "材料." + type.name().toLowerCase();
        return n.length() > MAX_NAME ? n.substring(0, MAX_NAME) : n;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final RowMapper<UploadedMaterial> ROW = (rs, i) -> new UploadedMaterial(
            rs.getObject("id", UUID.class), rs.getString("file_name"), MaterialType.valueOf(rs.getString("material_type")),
            rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("object_key"),
            rs.getTimestamp("created_at").toInstant());
}
