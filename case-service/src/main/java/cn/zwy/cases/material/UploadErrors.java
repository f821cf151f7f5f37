package cn.zwy.cases.material;

import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.error.ProblemDetails;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Multipart parsing fails before any controller runs (the body is read first): these answers put
 * such failures in the shared problem-details format, naming the {@code file} field.
 */
@RestControllerAdvice
class UploadErrors {

    private final UploadProperties props;

    UploadErrors(UploadProperties props) {
        this.props = props;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return respond(ProblemDetails.of(MaterialUploads.tooLarge(props.maxBytes().toBytes())));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadable(MultipartException e) {
        return respond(ProblemDetails.of(ErrorCode.VALIDATION, "上传内容不是有效的 multipart/form-data", "file", null));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).body(p);
    }
}
