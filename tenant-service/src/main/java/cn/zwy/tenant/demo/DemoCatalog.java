package cn.zwy.tenant.demo;

import cn.zwy.common.tenant.TenantTransactions;
import cn.zwy.tenant.region.RegionRepository;
import cn.zwy.tenant.tenant.Tenant;
import cn.zwy.tenant.tenant.TenantSetup;

import static cn.zwy.tenant.api.catalog.ExerciseLevel.COUNTY;
import static cn.zwy.tenant.api.catalog.ExerciseLevel.TOWN;
import static cn.zwy.tenant.api.catalog.LimitUnit.NATURAL_DAY;
import static cn.zwy.tenant.api.catalog.LimitUnit.WORKING_DAY;

import cn.zwy.tenant.api.catalog.Audience;
import cn.zwy.tenant.api.catalog.CaseClass;
import cn.zwy.tenant.api.catalog.CrossRegionScope;
import cn.zwy.tenant.api.catalog.ExerciseLevel;
import cn.zwy.tenant.api.catalog.ItemType;
import cn.zwy.tenant.api.catalog.LimitUnit;
import cn.zwy.tenant.api.catalog.SixWay;
import cn.zwy.tenant.api.catalog.TimeLimit;
import cn.zwy.tenant.api.catalog.GuideContent;
import cn.zwy.tenant.api.catalog.GuideContent.Faq;
import cn.zwy.tenant.api.catalog.GuideContent.Fee;
import cn.zwy.tenant.api.catalog.GuideContent.FileRef;
import cn.zwy.tenant.api.catalog.GuideContent.Material;
import cn.zwy.tenant.api.catalog.GuideContent.Step;
import cn.zwy.tenant.api.catalog.GuideContent.WindowInfo;
import cn.zwy.tenant.catalog.guide.GuideService;
import cn.zwy.tenant.api.catalog.MaterialForm;
import cn.zwy.tenant.api.catalog.MaterialMedium;
import cn.zwy.tenant.catalog.standard.StandardCatalogService;
import cn.zwy.tenant.catalog.standard.StandardItemContent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo catalog, loaded after the demo tenants when {@code zwy.demo.enabled}: the same 24 common
 * items in the standard catalogs of 广东 (44), 河南 (41) and 广西 (45) — the basic code does not
 * depend on the region — each adopted by the demo tenants of that province with local
 * departments, windows, phones, promised limits and options, published with an effective date in
 * the past so that citizens see them. Legal bases and statutory limits and fees are the real ones
 * as far as they are named; promised limits and local details are illustrative. Idempotent.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "zwy.demo.enabled", havingValue = "true")
public class DemoCatalog implements ApplicationRunner, TenantSetup {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);
    static final LocalDate STANDARD_EFFECTIVE = LocalDate.of(2024, 1, 1);
    static final LocalDate GUIDE_EFFECTIVE = LocalDate.of(2024, 3, 1);
    /** Demo catalogs loaded before situation-based guides (G2) get them as a version effective from this day. */
    static final LocalDate GUIDANCE_EFFECTIVE = LocalDate.of(2024, 6, 1);
    /** Demo catalogs loaded before items had form fields of their own (ADR 0032) get them from this day. */
    static final LocalDate FORMS_EFFECTIVE = LocalDate.of(2025, 6, 1);

    /** One item as every province lists it; {@code basePromised} is the usual promised limit. */
    record Template(ItemType type, String main, String sub, String mainName, String subName, List<ExerciseLevel> levels,
                    String legalBasis, TimeLimit legal, String department, String conditions, List<Material> materials,
                    CaseClass caseClass, int basePromised, LimitUnit unit, List<Fee> fees, String result, Faq faq,
                    List<SixWay> tags, boolean online, boolean tolerated, List<Audience> audience) {}

    /** What differs between the demo tenants. */
    record Local(String tenantCode, String province, String county, String hall, String areaCode, String consult,
                 int promisedDelta, boolean express, CrossRegionScope crossRegion, Set<String> notAdopted) {}

    static final Map<String, String> PROVINCIAL_BIRTH_RULES = Map.of(
            "44", "《广东省人口与计划生育条例》", "41", "《河南省人口与计划生育条例》", "45", "《广西壮族自治区人口和计划生育条例》");
    static final Map<String, String> PROVINCIAL_ELDERLY_RULES = Map.of(
            "44", "《广东省老年人权益保障条例》", "41", "《河南省老年人权益保障条例》", "45", "《广西壮族自治区老年人权益保障条例》");

    static final List<Local> TENANTS = List.of(
            new Local("441825", "44", "连山壮族瑶族自治县", "连山县政务服务中心", "0763", "0763-6612345", -1, true,
                    CrossRegionScope.PROVINCE, Set.of()),
            new Local("440781", "44", "台山市", "台山市人民政府行政服务中心", "0750", "0750-5521234", 0, true,
                    CrossRegionScope.SAME_CITY, Set.of("00501")),
            new Local("411521", "41", "罗山县", "罗山县政务服务中心", "0376", "0376-2162345", 1, false,
                    CrossRegionScope.NATIONWIDE, Set.of("00303")),
            new Local("450702", "45", "钦州市钦南区", "钦南区政务服务中心", "0777", "0777-2812345", 0, true,
                    CrossRegionScope.PROVINCE, Set.of("00304")));

    private final StandardCatalogService standard;
    private final GuideService guides;
    private final RegionRepository regions;
    private final TenantTransactions tx;

    public DemoCatalog(StandardCatalogService standard, GuideService guides, RegionRepository regions, TenantTransactions tx) {
        this.standard = standard;
        this.guides = guides;
        this.regions = regions;
        this.tx = tx;
    }

    /** Every province gets the demo standard catalog, so that any county onboarded in a demo has one. */
    private List<String> provinces() {
        return tx.platform(() -> regions.findByParentCodeIsNullOrderByCode().stream().map(r -> r.getCode()).toList());
    }

    private UUID loadStandard(String province, Template t) {
        return standard.loadHistoric(province, t.type(), t.main(), t.sub(), null,
                new StandardItemContent(t.mainName(), t.subName(), null, t.levels(), t.legalBasis(), t.legal(),
                        "一体化在线政务服务平台", null),
                STANDARD_EFFECTIVE, "省级政务服务事项标准目录（演示数据）");
    }

    /**
     * Demo deployments only (this bean exists only then): a tenant onboarded here gets its
     * province's demo items published with generic local details, so that citizens of any demo
     * county see a catalog (and the scale benchmark measures full tenants). Runs before
     * {@code CatalogAdoption}, which then adopts whatever is left as drafts.
     */
    @Override
    public void onboarded(Tenant tenant) {
        String province = tenant.getCode().substring(0, 2);
        boolean town = "TOWN".equals(tenant.getLevel());
        ExerciseLevel level = town ? ExerciseLevel.TOWN : "CITY".equals(tenant.getLevel()) ? ExerciseLevel.CITY : ExerciseLevel.COUNTY;
        Local l = new Local(tenant.getCode(), province, tenant.getName(), tenant.getName() + (town ? "便民服务中心" : "政务服务中心"),
                "", "12345", 0, true, CrossRegionScope.PROVINCE, Set.of());
        for (Template t : templates(province)) {
            if (!t.levels().contains(level)) continue;
            guides.loadHistoric(tenant.getCode(), loadStandard(province, t), localise(t, l), GUIDE_EFFECTIVE, "本中心认领省级标准目录事项（演示数据）");
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        int adopted = 0;
        for (String province : provinces()) {
            for (Template t : templates(province)) {
                UUID id = loadStandard(province, t);
                for (Local l : TENANTS) {
                    if (!l.province().equals(province) || l.notAdopted().contains(t.main())) continue;
                    GuideContent guide = localise(t, l);
                    guides.loadHistoric(l.tenantCode(), id, guide, GUIDE_EFFECTIVE, "本中心认领省级标准目录事项（演示数据）");
                    guides.loadHistoricQuestionnaire(l.tenantCode(), id, guide, GUIDANCE_EFFECTIVE, "增加情形化办事指引（演示数据）");
                    guides.loadHistoricQuestionnaire(l.tenantCode(), id, guide, FORMS_EFFECTIVE, "增加事项表单字段、不适用情形和排队业务类别（演示数据）");
                    adopted++;
                }
            }
        }
        log.info("demo catalog loaded: {} standard items per province, {} adopted guides checked", templates("44").size(), adopted);
    }

    static GuideContent localise(Template t, Local l) {
        int promised = switch (t.caseClass()) {
            case INSTANT -> 0;
            default -> {
                int p = Math.max(1, t.basePromised() + l.promisedDelta());
                yield t.legal() == null ? p : Math.min(p, t.legal().value() - 1);
            }
        };
        String dept = l.county() + t.department();
        List<Step> steps = t.caseClass() == CaseClass.INSTANT
                ? List.of(new Step("申请", "申请人到窗口或通过" + (l.province().equals("44") ? "广东政务服务网、“粤省事”" : "政务服务网") + "等线上渠道提交申请"),
                          new Step("受理", "窗口人员核对材料，齐全且符合法定形式的当场受理"),
                          new Step("办结", "当场办结并送达结果"))
                : List.of(new Step("申请", "申请人到窗口或通过政务服务网提交申请"),
                          new Step("受理", "材料齐全、符合法定形式的予以受理并出具受理通知书；不齐全的一次性告知需补正的全部内容"),
                          new Step("审查", "承办部门对申请材料进行审查，需要现场核查的组织核查"),
                          new Step("决定", "在承诺时限内作出决定"),
                          new Step("送达", "窗口领取，或按申请人选择邮寄送达"));
        boolean express = l.express() && t.caseClass() != CaseClass.INSTANT;
        List<SixWay> tags = new ArrayList<>(t.tags());
        if (t.caseClass() == CaseClass.INSTANT && !tags.contains(SixWay.IMMEDIATE)) tags.add(SixWay.IMMEDIATE);
        // a local difference: 罗山 does not offer 容缺 acceptance (C5) in the demo
        boolean tolerated = t.tolerated() && !l.tenantCode().equals("411521");
        if (!tolerated) tags.remove(SixWay.TOLERATED_MISSING);
        List<Material> materials = t.materials().stream().map(m -> tolerated ? m
                : new Material(m.name(), m.form(), m.copies(), m.medium(), m.required(), false, m.blankForm(), m.sample(),
                        m.acceptanceStandard(), m.notes())).toList();
        String windowNo = switch (l.tenantCode()) {
            case "441825" -> "综合受理窗口（1—6号）";
            case "440781" -> "一楼综合服务区 A" + (Math.abs(t.main().hashCode()) % 9 + 1) + " 号窗口";
            case "411521" -> "二楼" + t.department() + "窗口";
            default -> "综合窗口（“一窗通办”）";
        };
        return new GuideContent(dept, t.audience(), t.conditions(), materials,
                "表格可在窗口领取，或从本事项“空白表格”下载；请用黑色签字笔填写，内容真实、字迹清晰，不得涂改。",
                "申请材料齐全、符合法定形式，申请人身份与材料一致的，予以受理。",
                steps, new TimeLimit(promised, t.unit()), t.caseClass(), t.fees(),
                new FileRef(t.result() + "（样本）", "file:demo/samples/" + t.main() + t.sub() + ".pdf"),
                express, "无数量限制", l.consult(), "12345", List.of(new WindowInfo(windowNo, l.hall(),
                        "周一至周五（法定节假日除外）上午 8:30—11:30，下午 14:30—17:30")),
                List.of(t.faq()), tags, true, t.online(), tolerated,
                t.type() == ItemType.LICENSE && t.main().equals("00401") ? CrossRegionScope.NONE : l.crossRegion(),
                DemoGuidance.of(t.main(), t.sub()), DemoForms.of(t.main(), t.sub()),
                // G1: the police's items are served by the 户政 windows (GA), the rest at the comprehensive ones (A)
                t.department().contains("公安") ? "GA" : "A");
    }

    // ------------------------------------------------------------------ the items

    static Material original(String name, String standard) {
        return new Material(name, MaterialForm.ORIGINAL, 1, MaterialMedium.PAPER_OR_ELECTRONIC, true, false, null, null, standard, "核验后退还原件");
    }

    static Material form(String name, String code) {
        return new Material(name, MaterialForm.ORIGINAL, 1, MaterialMedium.PAPER, true, false,
                new FileRef(name + "（空白表格）", "file:demo/forms/" + code + ".docx"),
                new FileRef(name + "（填写示例）", "file:demo/forms/" + code + "-sample.pdf"),
                "填写完整，申请人签名（盖章）", null);
    }

    static Material copy(String name, boolean tolerated, String standard) {
        return new Material(name, MaterialForm.COPY, 1, MaterialMedium.PAPER, true, tolerated, null, null, standard, tolerated ? "可容缺后补，须在承诺期限内补交" : null);
    }

    static final Material ID_CARD = original("居民身份证", "在有效期内，与申请人一致");
    static final Material HOUSEHOLD = original("居民户口簿", "户口簿首页及本人页齐全");
    static final List<Audience> PERSON = List.of(Audience.INDIVIDUAL);
    static final List<Audience> BUSINESS = List.of(Audience.ENTERPRISE, Audience.INDIVIDUAL);
    static final String LICENSE_LAW = "；期限依据《中华人民共和国行政许可法》第四十二条、第八十二条";

    static List<Template> templates(String province) {
        List<Template> t = new ArrayList<>();
        t.add(new Template(ItemType.PUBLIC_SERVICE, "00101", "000", "城乡居民基本养老保险参保登记", null, List.of(COUNTY, TOWN),
                "《中华人民共和国社会保险法》第二十条、第二十二条；《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）",
                null, "社会保险基金管理局", "年满16周岁（不含在校学生），非国家机关和事业单位工作人员及不属于职工基本养老保险制度覆盖范围的城乡居民",
                List.of(ID_CARD, HOUSEHOLD, form("城乡居民基本养老保险参保登记表", "cxjm-yl")), CaseClass.INSTANT, 0, WORKING_DAY, List.of(),
                "参保登记确认", new Faq("已参加职工养老保险的还能参加城乡居民养老保险吗？", "不能同时参加。职工养老保险中断缴费的，可按规定参加城乡居民养老保险，符合条件的可办理制度衔接。"),
                List.of(SixWay.ONE_ID, SixWay.NEARBY), true, false, PERSON));
        t.add(new Template(ItemType.PUBLIC_SERVICE, "00102", "000", "城乡居民基本医疗保险参保登记", null, List.of(COUNTY, TOWN),
                "《中华人民共和国社会保险法》第二十五条；《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）",
                null, "医疗保障局", "未参加职工基本医疗保险的城乡居民（含在校学生、未成年人）",
                List.of(ID_CARD, HOUSEHOLD), CaseClass.INSTANT, 0, WORKING_DAY, List.of(), "参保登记确认",
                new Faq("新生儿什么时候可以参保？", "新生儿出生后可凭出生医学证明、户口簿办理参保登记，出生当年参保缴费的，自出生之日起享受待遇。"),
                List.of(SixWay.ONE_ID, SixWay.FULLY_ONLINE), true, false, PERSON));
        t.add(new Template(ItemType.PUBLIC_SERVICE, "00103", "000", "社会保障卡申领", null, List.of(COUNTY, TOWN),
                "《中华人民共和国社会保险法》第五十八条；《社会保障卡管理办法》",
                null, "人力资源和社会保障局", "已参加社会保险或有社会保障卡申领需求的人员",
                List.of(ID_CARD, new Material("近期免冠彩色证件照片", MaterialForm.ORIGINAL, 1, MaterialMedium.PAPER_OR_ELECTRONIC, true, false, null, null, "白底，358×441 像素或一寸", "窗口可现场采集")),
                CaseClass.PROMISED, 5, WORKING_DAY, List.of(), "社会保障卡",
                new Faq("首次申领社会保障卡收费吗？", "首次申领免费；损坏、遗失补换卡的按当地规定执行。"),
                List.of(SixWay.ONE_ID), true, false, PERSON));
        t.add(new Template(ItemType.PUBLIC_SERVICE, "00104", "000", "失业登记", null, List.of(COUNTY, TOWN),
                "《中华人民共和国就业促进法》第三十五条；《就业服务与就业管理规定》",
                null, "人力资源和社会保障局", "法定劳动年龄内、有劳动能力、有就业要求、处于无业状态的城乡劳动者",
                List.of(ID_CARD, copy("解除或终止劳动关系证明", false, "加盖原用人单位公章")), CaseClass.INSTANT, 0, WORKING_DAY, List.of(),
                "《就业创业证》登记记录", new Faq("办理失业登记后能领取失业保险金吗？", "失业登记是申领失业保险金的前提之一，是否符合领取条件另按失业保险规定审核。"),
                List.of(SixWay.FULLY_ONLINE, SixWay.NEARBY), true, false, PERSON));
        t.add(new Template(ItemType.PUBLIC_SERVICE, "00201", "002", "居民身份证申领、换领、补领", "居民身份证换领", List.of(COUNTY),
                "《中华人民共和国居民身份证法》", new TimeLimit(60, NATURAL_DAY), "公安局",
                "居民身份证有效期满、登记项目变更或证件严重损坏不能辨认的中国公民",
                List.of(HOUSEHOLD, original("原居民身份证", "本人原证，交回")), CaseClass.PROMISED, 20, NATURAL_DAY,
                List.of(new Fee("居民身份证工本费", "每证 20 元", "20", "《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）")),
                "中华人民共和国居民身份证", new Faq("在外地可以换领身份证吗？", "可以。居民身份证实行跨省通办，可在全国任一受理点申请换领。"),
                List.of(SixWay.NEARBY), false, false, PERSON));
        t.add(new Template(ItemType.PUBLIC_SERVICE, "00201", "003", "居民身份证申领、换领、补领", "居民身份证补领", List.of(COUNTY),
                "《中华人民共和国居民身份证法》", new TimeLimit(60, NATURAL_DAY), "公安局", "居民身份证丢失的中国公民",
                List.of(HOUSEHOLD), CaseClass.PROMISED, 20, NATURAL_DAY,
                List.of(new Fee("居民身份证工本费", "每证 20 元", "20", "《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）"),
                        new Fee("临时居民身份证工本费（申请时）", "每证 10 元", "10", "《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）")),
                "中华人民共和国居民身份证", new Faq("补领期间需要乘车怎么办？", "可同时申请临时居民身份证，或在车站办理临时乘车证明。"),
                List.of(SixWay.NEARBY), false, false, PERSON));
        t.add(new Template(ItemType.LICENSE, "00202", "000", "普通护照签发", null, List.of(COUNTY),
                "《中华人民共和国护照法》第五条", new TimeLimit(15, WORKING_DAY), "公安局出入境管理大队", "中国公民因前往外国定居、探亲、学习、就业、旅行、从事商务活动等非公务原因出国",
                List.of(ID_CARD, form("中国公民出入境证件申请表", "crj-sqb")), CaseClass.PROMISED, 7, WORKING_DAY,
                List.of(new Fee("普通护照工本费", "每本 120 元", "120", "《国家发展改革委 财政部关于调整因私普通护照等出入境证照收费标准的通知》（发改价格规〔2019〕914号）")),
                "中华人民共和国普通护照", new Faq("可以在户籍地以外办理护照吗？", "可以。普通护照签发已实行“全国通办”，可在全国任一出入境管理窗口申请。"),
                List.of(SixWay.NEARBY, SixWay.ONE_ID), false, false, PERSON));
        t.add(new Template(ItemType.CONFIRMATION, "00203", "001", "户口迁移", "投靠亲属迁入户口", List.of(COUNTY),
                "《中华人民共和国户口登记条例》；本省户籍管理规定", null, "公安局", "符合本地户口迁入政策的投靠亲属人员",
                List.of(HOUSEHOLD, ID_CARD, copy("亲属关系证明", true, "结婚证、出生医学证明等，与原件核对一致"),
                        form("户口迁移申请表", "hkqy")), CaseClass.PROMISED, 5, WORKING_DAY, List.of(), "准予迁入证明 / 户口簿",
                new Faq("户口迁移要回原籍办理迁出吗？", "已实行“跨省通办”的，在迁入地一站办理，无需回原籍开具迁移证。"),
                List.of(SixWay.TOLERATED_MISSING), false, true, PERSON));
        t.add(new Template(ItemType.LICENSE, "00301", "001", "个体工商户登记", "个体工商户设立登记", List.of(COUNTY, TOWN),
                "《中华人民共和国市场主体登记管理条例》；《促进个体工商户发展条例》", new TimeLimit(3, WORKING_DAY), "市场监督管理局",
                "有经营能力的公民申请从事个体工商业经营",
                List.of(ID_CARD, form("个体工商户登记（备案）申请书", "gtgsh"), copy("经营场所使用证明", true, "房产证明或租赁合同，与申请书所填场所一致")),
                CaseClass.PROMISED, 1, WORKING_DAY, List.of(), "营业执照",
                new Faq("个体工商户可以网上办理设立登记吗？", "可以，通过全程电子化登记系统提交并电子签名，审核通过后可领取电子营业执照。"),
                List.of(SixWay.FULLY_ONLINE, SixWay.TOLERATED_MISSING), true, true, BUSINESS));
        t.add(new Template(ItemType.LICENSE, "00301", "003", "个体工商户登记", "个体工商户注销登记", List.of(COUNTY, TOWN),
                "《中华人民共和国市场主体登记管理条例》；《促进个体工商户发展条例》", new TimeLimit(3, WORKING_DAY), "市场监督管理局",
                "个体工商户不再从事经营活动",
                List.of(ID_CARD, form("个体工商户注销登记申请书", "gtgsh-zx"), original("营业执照正、副本", "交回")),
                CaseClass.INSTANT, 0, WORKING_DAY, List.of(), "准予注销登记通知书",
                new Faq("未结清税款可以注销吗？", "应先办结清税手续；符合简易注销条件的可按简易程序办理。"),
                List.of(SixWay.FULLY_ONLINE), true, false, BUSINESS));
        t.add(new Template(ItemType.LICENSE, "00302", "001", "食品经营许可", "食品经营许可（新办）", List.of(COUNTY),
                "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》" + LICENSE_LAW, new TimeLimit(20, WORKING_DAY),
                "市场监督管理局", "有与经营的食品品种、数量相适应的经营场所、设备设施、食品安全管理人员和规章制度",
                List.of(form("食品经营许可申请书", "spjy"), original("营业执照或其他主体资格证明文件", "在有效期内"),
                        copy("与食品经营相适应的主要设备设施布局、操作流程等文件", false, "平面图标明功能分区"),
                        copy("食品安全自查、从业人员健康管理、进货查验记录等保证食品安全的规章制度", true, "制度齐全并由经营者签字")),
                CaseClass.PROMISED, 7, WORKING_DAY, List.of(), "食品经营许可证",
                new Faq("仅销售预包装食品需要办许可证吗？", "仅销售预包装食品的，办理备案即可，无需申请食品经营许可。"),
                List.of(SixWay.TOLERATED_MISSING, SixWay.FULLY_ONLINE), true, true, BUSINESS));
        t.add(new Template(ItemType.LICENSE, "00303", "001", "公共场所卫生许可", "公共场所卫生许可（新办）", List.of(COUNTY),
                "《公共场所卫生管理条例》；《公共场所卫生管理条例实施细则》" + LICENSE_LAW, new TimeLimit(20, WORKING_DAY),
                "卫生健康局", "住宿、沐浴、美容美发等公共场所经营者，场所卫生条件符合规定",
                List.of(form("公共场所卫生许可申请表", "ggcs"), original("营业执照", "在有效期内"),
                        copy("公共场所地址方位示意图、平面图和卫生设施平面布局图", false, "标明卫生设施位置"),
                        copy("公共场所卫生检测或评价报告", false, "具备资质的机构出具")),
                CaseClass.PROMISED, 10, WORKING_DAY, List.of(), "公共场所卫生许可证",
                new Faq("实行告知承诺的场所还要现场核查吗？", "告知承诺审批的当场发证，发证后按规定进行核查。"),
                List.of(), true, false, BUSINESS));
        t.add(new Template(ItemType.LICENSE, "00304", "001", "药品经营许可", "药品零售企业许可（新办）", List.of(COUNTY),
                "《中华人民共和国药品管理法》第五十一条；《药品经营和使用质量监督管理办法》" + LICENSE_LAW, new TimeLimit(20, WORKING_DAY),
                "市场监督管理局", "有依法经过资格认定的药师或者其他药学技术人员，有相适应的营业场所、设备、仓储设施和质量管理制度",
                List.of(form("药品经营许可证申请表", "ypjy"), copy("执业药师注册证", false, "在有效期内，注册单位与申请企业一致"),
                        copy("营业场所、仓库平面布置图及房屋产权或使用权证明", false, "面积与申请一致")),
                CaseClass.PROMISED, 15, WORKING_DAY, List.of(), "药品经营许可证",
                new Faq("申请前需要先做什么？", "建议先完成营业场所装修和设施设备配置，药师到岗后再提出申请，以免现场检查不合格。"),
                List.of(), true, false, List.of(Audience.ENTERPRISE)));
        t.add(new Template(ItemType.LICENSE, "00401", "000", "建筑工程施工许可证核发", null, List.of(COUNTY),
                "《中华人民共和国建筑法》第七条、第八条；《建筑工程施工许可管理办法》", new TimeLimit(7, WORKING_DAY),
                "住房和城乡建设局", "已办理用地批准手续，取得建设工程规划许可证，施工场地已具备施工条件，已确定施工企业",
                List.of(form("建筑工程施工许可证申请表", "sgxk"), copy("建设工程规划许可证", false, "与申请项目一致"),
                        copy("施工合同", false, "已签订并加盖双方公章"), copy("施工图设计文件审查合格意见", false, "审查机构出具")),
                CaseClass.PROMISED, 3, WORKING_DAY, List.of(), "建筑工程施工许可证",
                new Faq("工程投资额较小的需要办理吗？", "工程投资额在 30 万元以下或建筑面积在 300 平方米以下的建筑工程可以不申请（各省可调整限额）。"),
                List.of(SixWay.FULLY_ONLINE), true, false, List.of(Audience.ENTERPRISE)));
        t.add(new Template(ItemType.OTHER_POWER, "00402", "000", "建设工程消防验收备案", null, List.of(COUNTY),
                "《中华人民共和国消防法》第十三条；《建设工程消防设计审查验收管理暂行规定》", null, "住房和城乡建设局",
                "不属于特殊建设工程的其他建设工程，竣工验收合格",
                List.of(form("建设工程消防验收备案表", "xfba"), copy("工程竣工验收报告", false, "参建单位签章齐全"),
                        copy("涉及消防的建设工程竣工图纸", false, "与实际施工一致")),
                CaseClass.INSTANT, 0, WORKING_DAY, List.of(), "建设工程消防验收备案凭证",
                new Faq("备案后会被抽查吗？", "会。住房和城乡建设主管部门按规定比例随机抽取检查，抽查不合格的责令停止使用并整改。"),
                List.of(SixWay.FULLY_ONLINE), true, false, List.of(Audience.ENTERPRISE)));
        t.add(new Template(ItemType.LICENSE, "00501", "000", "林木采伐许可证核发", null, List.of(COUNTY),
                "《中华人民共和国森林法》第五十六条" + LICENSE_LAW, new TimeLimit(20, WORKING_DAY), "林业局",
                "采伐林地上的林木（农村居民采伐自留地和房前屋后个人所有的零星林木除外）",
                List.of(form("林木采伐申请表", "lmcf"), copy("林木权属证明", false, "不动产权证书或林权证"),
                        copy("采伐作业设计或伐区调查材料", false, "按规定需要的提供")),
                CaseClass.PROMISED, 10, WORKING_DAY, List.of(), "林木采伐许可证",
                new Faq("采伐自家承包山上的人工林需要许可证吗？", "需要。除法律规定的例外情形，采伐林地上的林木都应申请采伐许可证。"),
                List.of(SixWay.FULLY_ONLINE), true, false, BUSINESS));
        t.add(new Template(ItemType.PUBLIC_SERVICE, "00601", "000", "生育登记", null, List.of(COUNTY, TOWN),
                "《中华人民共和国人口与计划生育法》；" + PROVINCIAL_BIRTH_RULES.getOrDefault(province, "本省（自治区、直辖市）人口与计划生育条例"), null, "卫生健康局",
                "生育子女的夫妻（含再婚夫妻）",
                List.of(ID_CARD, new Material("结婚证", MaterialForm.ORIGINAL, 1, MaterialMedium.PAPER_OR_ELECTRONIC, false, false, null, null, "在线核验的可免交", null)),
                CaseClass.INSTANT, 0, WORKING_DAY, List.of(), "生育登记信息回执",
                new Faq("生育登记可以在网上办吗？", "可以，通过政务服务网或移动端在线登记，当场办结。"),
                List.of(SixWay.FULLY_ONLINE, SixWay.ONE_ID), true, false, PERSON));
        t.add(new Template(ItemType.PUBLIC_SERVICE, "00603", "000", "出生医学证明办理", null, List.of(COUNTY),
                "《中华人民共和国母婴保健法》第二十三条；《国家卫生健康委关于做好出生医学证明管理工作的通知》", null, "卫生健康局",
                "在本县助产机构出生的新生儿，由其父母申请首次签发",
                List.of(ID_CARD, new Material("结婚证", MaterialForm.ORIGINAL, 1, MaterialMedium.PAPER_OR_ELECTRONIC, false, false, null, null, "在线核验的可免交", null),
                        form("出生医学证明首次签发申请表", "csyxzm")),
                CaseClass.PROMISED, 2, WORKING_DAY, List.of(), "出生医学证明",
                new Faq("出生医学证明可以和户口登记一起办吗？", "可以，选择“出生一件事”一次申请，出生医学证明、户口登记、医保参保等一并办理。"),
                List.of(SixWay.FULLY_ONLINE), true, false, PERSON));
        t.add(new Template(ItemType.CONFIRMATION, "00204", "001", "户口登记", "出生登记", List.of(COUNTY),
                "《中华人民共和国户口登记条例》第七条", null, "公安局",
                "新生儿出生后一个月以内，由户主、亲属、抚养人或者邻居向婴儿常住地户口登记机关申报出生登记",
                List.of(original("出生医学证明", "与新生儿信息一致"), HOUSEHOLD, ID_CARD,
                        new Material("结婚证", MaterialForm.ORIGINAL, 1, MaterialMedium.PAPER_OR_ELECTRONIC, false, false, null, null, "在线核验的可免交", null)),
                CaseClass.PROMISED, 3, WORKING_DAY, List.of(), "居民户口簿（新生儿登记页）",
                new Faq("超过一个月没有申报出生登记怎么办？", "仍可申报，按户籍管理规定补充说明情况。"),
                List.of(SixWay.FULLY_ONLINE), true, false, PERSON));
        t.add(new Template(ItemType.CONFIRMATION, "00602", "001", "婚姻登记", "结婚登记（内地居民）", List.of(COUNTY),
                "《中华人民共和国民法典》第一千零四十九条；《婚姻登记条例》", null, "民政局婚姻登记处",
                "男女双方完全自愿，达到法定婚龄，双方均无配偶，且无禁止结婚情形",
                List.of(ID_CARD, HOUSEHOLD, new Material("本人近期半身免冠合影照片", MaterialForm.ORIGINAL, 2, MaterialMedium.PAPER, true, false, null, null, "2 寸红底双人合影", null)),
                CaseClass.INSTANT, 0, WORKING_DAY, List.of(), "结婚证",
                new Faq("结婚登记可以异地办理吗？", "婚姻登记“跨省通办”试点地区可凭一方居住证在居住地办理，其他地区在一方户籍所在地办理。"),
                List.of(SixWay.ONE_ID), false, false, PERSON));
        t.add(new Template(ItemType.PUBLIC_SERVICE, "00701", "001", "残疾人证办理", "残疾人证申领", List.of(COUNTY),
                "《中华人民共和国残疾人保障法》；《中华人民共和国残疾人证管理办法》", null, "残疾人联合会",
                "符合残疾标准的视力、听力、言语、肢体、智力、精神及多重残疾人",
                List.of(ID_CARD, HOUSEHOLD, form("残疾人证申请表", "cjrz"),
                        new Material("近期免冠彩色证件照片", MaterialForm.ORIGINAL, 3, MaterialMedium.PAPER, true, false, null, null, "二寸白底", null)),
                CaseClass.PROMISED, 20, WORKING_DAY, List.of(), "中华人民共和国残疾人证",
                new Faq("行动不便不能到指定医院评定怎么办？", "可申请上门评残服务，由评定机构派员上门评定。"),
                List.of(SixWay.NEARBY), true, false, PERSON));
        t.add(new Template(ItemType.PAYMENT, "00801", "000", "最低生活保障审核确认", null, List.of(COUNTY, TOWN),
                "《社会救助暂行办法》；《最低生活保障审核确认办法》（民发〔2021〕57号）", null, "民政局",
                "共同生活的家庭成员人均收入低于当地最低生活保障标准，且财产状况符合规定",
                List.of(ID_CARD, HOUSEHOLD, form("最低生活保障申请书", "dbsq"), form("家庭经济状况核对授权书", "hdsq")),
                CaseClass.PROMISED, 20, WORKING_DAY, List.of(), "最低生活保障金领取证",
                new Faq("可以在居住地申请低保吗？", "户籍不在居住地的，可按本省规定在经常居住地申请，由居住地乡镇（街道）受理。"),
                List.of(SixWay.NEARBY), true, false, PERSON));
        t.add(new Template(ItemType.PAYMENT, "00802", "000", "临时救助", null, List.of(COUNTY, TOWN),
                "《社会救助暂行办法》", null, "民政局", "因火灾、交通事故等意外事件或重病等原因导致基本生活暂时出现严重困难的家庭或个人",
                List.of(ID_CARD, form("临时救助申请书", "lsjz"), copy("困难情况证明材料", true, "医疗费用票据、事故证明等")),
                CaseClass.PROMISED, 10, WORKING_DAY, List.of(), "临时救助审批表",
                new Faq("情况紧急等不及审批怎么办？", "对急难情形可先行救助，事后补充说明情况和补齐材料。"),
                List.of(SixWay.TOLERATED_MISSING, SixWay.NEARBY), true, true, PERSON));
        t.add(new Template(ItemType.PAYMENT, "00803", "000", "高龄老人津贴申领", null, List.of(COUNTY, TOWN),
                "《中华人民共和国老年人权益保障法》；" + PROVINCIAL_ELDERLY_RULES.getOrDefault(province, "本省（自治区、直辖市）老年人权益保障条例"), null, "民政局",
                "具有本地户籍、年满 80 周岁的老年人（各地标准以本级规定为准）",
                List.of(ID_CARD, HOUSEHOLD, copy("本人银行账户（社会保障卡金融账户）", false, "户名与申请人一致")),
                CaseClass.PROMISED, 10, WORKING_DAY, List.of(), "高龄津贴发放确认",
                new Faq("行动不便可以由家属代办吗？", "可以，代办人携带本人及老人的身份证件办理，也可预约上门服务。"),
                List.of(SixWay.NEARBY, SixWay.ONE_ID), true, false, PERSON));
        return t;
    }
}
