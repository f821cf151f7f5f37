package cn.zwy.tenant.api.catalog;

/** Whether an original, a copy, or both are handed in (S1). */
public enum MaterialForm {
    ORIGINAL("原件"), COPY("复印件"), ORIGINAL_AND_COPY("原件和复印件");

    private final String label;

    MaterialForm(String label) { this.label = label; }

    public String label() { return label; }
}
