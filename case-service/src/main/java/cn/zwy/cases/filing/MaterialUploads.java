package cn.zwy.cases.filing;

import cn.zwy.common.security.Caller;
import java.util.List;

/**
 * What filing needs of the material store (cn.zwy.cases.material): the uploads a submission or a
 * correction names become the case's, in the transaction that writes the case — each must be an
 * unexpired, unclaimed upload of the caller (and, for staff, of the case's tenant), else VALIDATION
 * naming {@code field} and nothing is filed. Served by {@link StoredMaterialUploads}.
 */
public interface MaterialUploads {

    void claim(Caller caller, String tenantId, List<String> uploadIds, String caseId, String field);

    /** A claimed upload's file of {@code tenantId} (the case's tenant): its name, media type and bytes as received. */
    java.util.Optional<StoredFile> file(String tenantId, java.util.UUID uploadId);

    record StoredFile(String name, String mediaType, byte[] content) {}
}
