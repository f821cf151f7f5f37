package cn.zwy.gateway.catalog;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * G2: the answers of a guidance walk (an item's or a package's) as tenant-service's query parameters,
 * "key:value" — encoded by the HTTP interface, never spliced into a path. A key is a question id (1–40
 * letters, digits, _ or -) or, in a package, a question id with "@n"; neither holds a colon.
 */
public final class GuidanceAnswers {

    private GuidanceAnswers() {}

    /** An answer given so far (GuidanceAnswerInput). */
    public record Answer(String questionId, String value) {}

    /** Null when no answers were sent; VALIDATION (rule G2, the answer's field) for a malformed one. */
    public static List<String> encode(List<Answer> answers) {
        if (answers == null) return null;
        if (answers.size() > 50) throw ApiException.validation("answers", "回答不能超过 50 个");
        List<String> given = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer a = answers.get(i);
            if (a.questionId().isBlank() || a.questionId().contains(":") || a.questionId().length() > 44) {
                throw new ApiException(ErrorCode.VALIDATION, "问题编号格式不正确: " + a.questionId(), "answers[" + i + "].questionId", "G2");
            }
            if (a.value().length() > 100) {
                throw new ApiException(ErrorCode.VALIDATION, "回答不能超过 100 字", "answers[" + i + "].value", "G2");
            }
            given.add(a.questionId() + ":" + a.value());
        }
        return given;
    }
}
