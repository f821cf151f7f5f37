package cn.zwy.tenant.demo;

import cn.zwy.tenant.api.catalog.Questionnaire;
import cn.zwy.tenant.api.catalog.Questionnaire.Channel;
import cn.zwy.tenant.api.catalog.Questionnaire.Option;
import cn.zwy.tenant.api.catalog.Questionnaire.Outcome;
import cn.zwy.tenant.api.catalog.Questionnaire.Question;
import cn.zwy.tenant.api.catalog.Questionnaire.QuestionType;
import java.util.List;

/**
 * Demo situation-based guides (G2) for six demo items, in the manner of 上海 "好办": a few
 * questions about the applicant's situation pick the sub-item, the exact materials and the
 * channel. Material names are the demo guides' own (checked on publication like any other).
 */
final class DemoGuidance {

    private DemoGuidance() {}

    /** The questionnaire of a demo item by its main and sub code, or null. */
    static Questionnaire of(String main, String sub) {
        return switch (main + sub) {
            case "00201002" -> idCardRenewal();
            case "00301001" -> soleTraderRegistration();
            case "00601000" -> birthRegistration();
            case "00102000" -> medicalInsurance();
            case "00103000" -> socialSecurityCard();
            case "00204001" -> birthHouseholdRegistration();
            default -> null;
        };
    }

    /** 居民身份证换领 vs 补领: a lost card is not a renewal at all. */
    static Questionnaire idCardRenewal() {
        return new Questionnaire(List.of(
                choice("reason", "您为什么要办理身份证？",
                        opt("EXPIRED", "有效期满或即将期满", "place"),
                        opt("CHANGED", "姓名、出生日期等登记项目变更", "changed"),
                        opt("DAMAGED", "证件严重损坏、不能辨认", "place"),
                        opt("LOST", "证件丢失", "lost")),
                yesNo("place", "您是否在户籍所在地以外办理？", "elsewhere", "local")),
                List.of(outcome("local", "居民身份证换领（户籍地）", "居民身份证换领", Channel.WINDOW,
                                "到窗口现场采集相片和指纹；可选择邮寄送达", "居民户口簿", "原居民身份证"),
                        outcome("elsewhere", "居民身份证换领（跨省通办）", "居民身份证换领", Channel.WINDOW,
                                "异地换领无需回户籍地，凭原证在任一受理点办理，无需户口簿", "原居民身份证"),
                        outcome("changed", "登记项目变更后换领", "居民身份证换领", Channel.WINDOW,
                                "请先在户籍地派出所变更户口簿上的登记项目，再凭变更后的户口簿换领", "居民户口簿", "原居民身份证"),
                        outcome("lost", "证件丢失：请办理居民身份证补领", "居民身份证补领", Channel.WINDOW,
                                "丢失不属于换领，请改办“居民身份证补领”事项；可同时申请临时居民身份证", "居民户口簿")));
    }

    /** 个体工商户设立登记 by business type and whether food is sold. */
    static Questionnaire soleTraderRegistration() {
        return new Questionnaire(List.of(
                choice("kind", "您打算经营什么？",
                        opt("CATERING", "餐饮（饭店、小吃、奶茶等）", "premises"),
                        opt("RETAIL", "零售（商店、便利店等）", "food"),
                        opt("SERVICE", "其他服务（理发、维修、家政等）", "premises")),
                yesNo("food", "是否销售食品（含预包装食品）？", "prepacked", "premises"),
                yesNo("prepacked", "是否只销售预包装食品（不含散装和现场制售）？", "premisesFood", "premisesFood"),
                yesNo("premises", "经营场所是否已有房产证明或租赁合同？", "online", "tolerated"),
                yesNo("premisesFood", "经营场所是否已有房产证明或租赁合同？", "onlineFood", "tolerated")),
                List.of(outcome("online", "个体工商户设立登记（全程网办）", "个体工商户设立登记", Channel.ONLINE,
                                "通过全程电子化登记系统提交并电子签名，核准后领取电子营业执照；餐饮服务还须办理食品经营许可，可选择“开办餐饮店一件事”一次办",
                                "居民身份证", "个体工商户登记（备案）申请书", "经营场所使用证明"),
                        outcome("onlineFood", "个体工商户设立登记，另办食品经营许可或备案", "个体工商户设立登记", Channel.ONLINE,
                                "只卖预包装食品的办理备案即可；含散装食品的还须申请食品经营许可",
                                "居民身份证", "个体工商户登记（备案）申请书", "经营场所使用证明"),
                        outcome("tolerated", "个体工商户设立登记（场所证明容缺）", "个体工商户设立登记", Channel.WINDOW,
                                "经营场所使用证明可容缺后补，请在承诺期限内补交；到窗口办理",
                                "居民身份证", "个体工商户登记（备案）申请书")));
    }

    /** 生育登记 by birth order: the first three children online, later ones at the window. */
    static Questionnaire birthRegistration() {
        return new Questionnaire(List.of(
                new Question("order", "这是您家的第几个孩子？", QuestionType.NUMBER, "按夫妻双方共同生育的子女计算",
                        List.of(new Option(null, "第一至第三个孩子", 1, 3, "married"),
                                new Option(null, "第四个及以上", 4, null, "window"))),
                yesNo("married", "夫妻双方是否已办理结婚登记？", "withMarriage", "withoutMarriage")),
                List.of(outcome("withMarriage", "生育登记（网上即办）", null, Channel.ONLINE,
                                "结婚证信息可在线核验，提交后当场办结", "居民身份证", "结婚证"),
                        outcome("withoutMarriage", "生育登记（网上即办）", null, Channel.ONLINE,
                                "未办理结婚登记的也可以登记，提交身份证即可", "居民身份证"),
                        outcome("window", "生育登记（窗口办理）", null, Channel.WINDOW,
                                "请夫妻一方到窗口办理，工作人员核对生育情况", "居民身份证", "结婚证")));
    }

    /** 城乡居民医保参保 by who is insured. */
    static Questionnaire medicalInsurance() {
        return new Questionnaire(List.of(
                choice("who", "为谁参保？",
                        opt("NEWBORN", "新生儿", "newborn"),
                        opt("STUDENT", "在校学生", "student"),
                        opt("OTHER", "其他城乡居民", "resident"))),
                List.of(outcome("newborn", "新生儿参保登记", null, Channel.ONLINE,
                                "出生当年参保缴费的，自出生之日起享受待遇；可与出生登记一起办理（出生一件事）", "居民户口簿"),
                        outcome("student", "在校学生参保登记", null, Channel.WINDOW,
                                "学校统一组织的可由学校代办", "居民身份证", "居民户口簿"),
                        outcome("resident", "城乡居民参保登记", null, Channel.ONLINE, null, "居民身份证", "居民户口簿")));
    }

    /** 社会保障卡申领: first card with or without a photo, or a replacement. */
    static Questionnaire socialSecurityCard() {
        return new Questionnaire(List.of(
                yesNo("first", "是否首次申领社会保障卡？", "photo", "replace"),
                yesNo("photo", "是否已有符合要求的电子证件照（白底，358×441 像素）？", "online", "kiosk")),
                List.of(outcome("online", "首次申领（网上申请）", null, Channel.ONLINE, "卡片制成后可邮寄或到网点领取",
                                "居民身份证", "近期免冠彩色证件照片"),
                        outcome("kiosk", "首次申领（自助机现场拍照）", null, Channel.KIOSK, "在大厅自助服务区的社保卡自助机现场拍照、即时制卡",
                                "居民身份证"),
                        outcome("replace", "补换卡", null, Channel.WINDOW, "遗失的请先挂失；补换卡按当地规定收费",
                                "居民身份证", "近期免冠彩色证件照片")));
    }

    /** 出生登记 (户口登记): where the parents are registered decides the materials. */
    static Questionnaire birthHouseholdRegistration() {
        return new Questionnaire(List.of(
                yesNo("sameHousehold", "新生儿是否随父母一方在本县落户？", "married", "elsewhere"),
                yesNo("married", "父母是否已办理结婚登记？", "standard", "unmarried")),
                List.of(outcome("standard", "出生登记（随父母落户）", null, Channel.ONLINE, "可网上申请，户口簿邮寄送达",
                                "出生医学证明", "居民户口簿", "居民身份证", "结婚证"),
                        outcome("unmarried", "出生登记（非婚生育）", null, Channel.WINDOW, "请父母一方到窗口办理",
                                "出生医学证明", "居民户口簿", "居民身份证"),
                        notApplicable("elsewhere", "本县不办理出生登记", Channel.WINDOW,
                                "新生儿在父母户籍所在地落户，请到户籍地派出所或其政务服务窗口办理")));
    }

    /** G2: the item does not apply in this situation (in a package its part is not filed); it names no materials. */
    private static Outcome notApplicable(String id, String title, Channel channel, String notes) {
        return new Outcome(id, title, null, List.of(), channel, null, notes, true);
    }

    private static Question choice(String id, String text, Option... options) {
        return new Question(id, text, QuestionType.CHOICE, null, List.of(options));
    }

    private static Question yesNo(String id, String text, String yes, String no) {
        return new Question(id, text, QuestionType.YES_NO, null, List.of(new Option("YES", "是", null, null, yes),
                new Option("NO", "否", null, null, no)));
    }

    private static Option opt(String value, String label, String next) {
        return new Option(value, label, null, null, next);
    }

    private static Outcome outcome(String id, String title, String subItem, Channel channel, String notes, String... materials) {
        return new Outcome(id, title, subItem, List.of(materials), channel, null, notes);
    }
}
