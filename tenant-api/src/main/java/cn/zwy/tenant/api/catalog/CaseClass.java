package cn.zwy.tenant.api.catalog;

/** Case classes (办件类型, S4). */
public enum CaseClass {
    INSTANT("即办件"), PROMISED("承诺件"), REPLY("答复件"), JOINT("联办件"), ESCALATED("上报件");

    private final String label;

    CaseClass(String label) { this.label = label; }

    public String label() { return label; }
}
