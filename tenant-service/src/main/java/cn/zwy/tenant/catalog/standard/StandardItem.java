package cn.zwy.tenant.catalog.standard;

import cn.zwy.tenant.catalog.CatalogCodes;
import cn.zwy.tenant.api.catalog.ItemType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** The identity of a standard catalog item of a province (S1, S7): its type and codes never change. */
@Entity
@Immutable
@Table(name = "standard_item")
public class StandardItem {

    @Id
    private UUID id;

    @Column(name = "province_code")
    private String provinceCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "item_type")
    private ItemType itemType;

    @Column(name = "main_code")
    private String mainCode;

    @Column(name = "sub_code")
    private String subCode;

    @Column(name = "grand_code")
    private String grandCode;

    @Column(name = "basic_code")
    private String basicCode;

    @Column(name = "created_at")
    private Instant createdAt;

    protected StandardItem() {}

    StandardItem(String provinceCode, ItemType itemType, String mainCode, String subCode, String grandCode) {
        this.id = UUID.randomUUID();
        this.provinceCode = provinceCode;
        this.itemType = itemType;
        this.mainCode = mainCode;
        this.subCode = subCode;
        this.grandCode = grandCode;
        this.basicCode = CatalogCodes.basicCode(itemType, mainCode, subCode, grandCode);
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public UUID getId() { return id; }
    public String getProvinceCode() { return provinceCode; }
    public ItemType getItemType() { return itemType; }
    public String getMainCode() { return mainCode; }
    public String getSubCode() { return subCode; }
    public String getGrandCode() { return grandCode; }
    public String getBasicCode() { return basicCode; }
}
