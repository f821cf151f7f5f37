package cn.zwy.tenant.api.catalog;

/** What an announced change does (S6: 增加、取消、下放、变更). */
public enum ChangeKind {
    ADD("新增"), CHANGE("变更"), DELEGATE("下放"), CANCEL("取消");

    private final String label;

    ChangeKind(String label) { this.label = label; }

    public String label() { return label; }
}
