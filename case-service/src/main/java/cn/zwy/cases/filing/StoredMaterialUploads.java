package cn.zwy.cases.filing;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Filing's uploads on the material store: an upload id is a UUID the store handed out, claimed for the case. */
@Component
class StoredMaterialUploads implements MaterialUploads {

    private final cn.zwy.cases.material.MaterialUploads store;

    StoredMaterialUploads(cn.zwy.cases.material.MaterialUploads store) {
        this.store = store;
    }

    @Override
    public void claim(Caller caller, String tenantId, List<String> uploadIds, String caseId, String field) {
        if (uploadIds.isEmpty()) return;
        List<UUID> ids = new ArrayList<>();
        for (String id : uploadIds) {
            try {
                ids.add(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                throw ApiException.validation(field, "上传编号格式不正确: " + id);
            }
        }
        store.claim(caller, tenantId, ids, caseId, field);
    }

    @Override
    public java.util.Optional<StoredFile> file(String tenantId, java.util.UUID uploadId) {
        return store.find(tenantId, uploadId).flatMap(u -> store.content(u).map(bytes -> new StoredFile(u.name(), u.type().mediaType(), bytes)));
    }
}
