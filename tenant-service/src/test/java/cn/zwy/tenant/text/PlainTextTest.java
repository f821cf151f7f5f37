package cn.zwy.tenant.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import org.junit.jupiter.api.Test;

/** The one text check of tenant-service (issue 6: format characters in names). */
class PlainTextTest {

    @Test
    void formatCharactersAreRefusedInNames() {
        // bidi overrides, embeddings, isolates and marks; zero-width characters; BOM; soft hyphen; line separators
        int[] refused = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C,
                0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x2028, 0x2029, 0xE0001};
        for (int cp : refused) {
            String name = "连山" + new String(Character.toChars(cp)) + "政务服务中心";
            String problem = PlainText.problem(name, 100, "大厅名称", true);
            assertThat(problem).as(Integer.toHexString(cp)).isNotNull()
                    .contains("大厅名称", "第 3 个字符", String.format("U+%04X", cp));
        }
        assertThatThrownBy(() -> PlainText.require("name", "连山\u202E心中务服", 100, "大厅名称"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.getMessage()).contains("U+202E");
                });
    }

    @Test
    void ordinaryChineseTextIsAccepted() {
        assertThat(PlainText.require("name", "  连山壮族瑶族自治县政务服务中心（一楼）·综合窗口 A03  ", 100, "大厅名称"))
                .isEqualTo("连山壮族瑶族自治县政务服务中心（一楼）·综合窗口 A03");
        // a character outside the BMP (a rare character of a place name) counts as one
        assertThat(PlainText.problem("𠀾村", 2, "名称", false)).isNull();
        // variation selectors are not format characters (they belong to the character before)
        assertThat(PlainText.problem("☎\uFE0F 12345", 20, "说明", false)).isNull();
    }

    @Test
    void controlCharactersAndLineBreaks() {
        assertThat(PlainText.problem("第一行\n第二行", 100, "解答", true)).isNull();
        assertThat(PlainText.problem("第一行\n第二行", 100, "名称", false)).contains("控制字符", "U+000A");
        assertThat(PlainText.problem("a\u0000b", 100, "名称", true)).contains("控制字符", "U+0000");
        assertThat(PlainText.problem("   ", 100, "名称", false)).isEqualTo("名称不能为空");
        assertThat(PlainText.problem(null, 100, "名称", false)).isEqualTo("名称不能为空");
        assertThat(PlainText.problem("一二三", 2, "名称", false)).contains("不能超过 2 个字符", "收到 3 个");
    }
}
