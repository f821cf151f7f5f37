package cn.zwy.cases.material;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Callers;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/uploads} (multipart, part {@code file}), reached through the gateway's
 * {@code POST /uploads}: answers the upload id a submission then references. The part's file
 * name is kept for display only and its declared content type is ignored.
 */
@RestController
class UploadController {

    /** What the sender is told: type is what the content showed ({@code PDF}, {@code OFD}, {@code JPEG}, {@code PNG}). */
    record UploadAnswer(UUID id, String name, MaterialType type, String mediaType, long size, String sha256) {}

    private final MaterialUploads uploads;

    UploadController(MaterialUploads uploads) {
        this.uploads = uploads;
    }

    @PostMapping(path = "/api/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    UploadAnswer upload(@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        var caller = Callers.require();
        if (file == null) throw ApiException.validation("file", "缺少文件：请以 multipart/form-data 的 file 字段上传");
        UploadedMaterial m = uploads.upload(caller, file.getOriginalFilename(), file.getBytes());
        return new UploadAnswer(m.id(), m.name(), m.type(), m.type().mediaType(), m.size(), m.sha256());
    }
}
