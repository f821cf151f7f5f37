package cn.zwy.tenant.api.catalog;

/** The medium a material is accepted in (S1). */
public enum MaterialMedium {
    PAPER("纸质"), ELECTRONIC("电子"), PAPER_OR_ELECTRONIC("纸质或电子");

    private final String label;

    MaterialMedium(String label) { this.label = label; }

    public String label() { return label; }
}
