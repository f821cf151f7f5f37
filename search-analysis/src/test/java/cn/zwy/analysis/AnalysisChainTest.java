package cn.zwy.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/** The analysis chain of the plugin on real citizen phrases, with Lucene directly (no Elasticsearch). */
class AnalysisChainTest {

    final Analyzer words = ZwyAnalyzers.words();
    final Analyzer search = ZwyAnalyzers.wordsSearch();
    final Analyzer bigram = ZwyAnalyzers.bigram();
    final Analyzer pinyin = ZwyAnalyzers.pinyin();
    final Analyzer initials = ZwyAnalyzers.initials();
    final Analyzer suggest = ZwyAnalyzers.suggest(true);
    final Analyzer suggestSearch = ZwyAnalyzers.suggest(false);

    @Test
    void officialNamesAreCutIntoWords() {
        assertEquals(List.of("社会", "保障", "卡", "申", "领"), Tokens.of(words, "社会保障卡申领"));
        assertEquals(List.of("普通", "护照", "签发"), Tokens.of(words, "普通护照签发"));
        assertEquals(List.of("个体", "工商户", "设立", "登记"), Tokens.of(words, "个体工商户设立登记"));
    }

    @Test
    void traditionalCharactersFullWidthAndCaseAreFolded() {
        assertEquals(Tokens.of(words, "社会保障卡申领"), Tokens.of(words, "社會保障卡申領"));
        assertEquals(Tokens.of(words, "居民身份证补领"), Tokens.of(words, "居民身份證補領"));
        assertEquals(List.of("abc", "社保"), Tokens.of(words, "ＡＢＣ　社保"));
        assertEquals("社会保障卡", Folding.fold("社會保障卡"));
    }

    @Test
    void citizenPhrasesAreReadAsTheOfficialTerm() {
        // 办社保卡 stays one phrase and becomes 社会保障卡 (and its own words without 办)
        List<String> t = Tokens.of(search, "我要办社保卡");
        assertTrue(t.containsAll(List.of("社会", "保障", "卡")), t.toString());
        assertTrue(t.stream().anyMatch(s -> s.endsWith("社保")), t.toString());
        assertTrue(!t.contains("我") && !t.contains("要") && !t.contains("办"), "question words dropped: " + t);

        List<String> lost = Tokens.of(search, "身份证丢了怎么办");
        assertTrue(lost.containsAll(List.of("居民", "身份证", "补", "领")), lost.toString());

        List<String> restaurant = Tokens.of(search, "开饭店");
        assertTrue(restaurant.containsAll(List.of("食品", "经营", "许可")), restaurant.toString());

        assertTrue(strip(Tokens.of(search, "低保")).containsAll(List.of("最低", "生活", "保障")));
        assertTrue(strip(Tokens.of(search, "个体户")).containsAll(List.of("个体", "工商户")));
    }

    @Test
    void pinyinAndInitialsOfACitizenPhraseReachTheOfficialTerm() {
        assertEquals(List.of("社会", "保障", "卡"), Tokens.of(search, "shebaoka"));
        assertEquals(List.of("社会", "保障", "卡"), Tokens.of(search, "sbk"));
        assertTrue(strip(Tokens.of(search, "hz")).containsAll(List.of("普通", "护照")));
        assertTrue(strip(Tokens.of(search, "kanshu")).containsAll(List.of("林木", "采伐")));
    }

    @Test
    void bigramsForRecall() {
        assertEquals(List.of("社会", "会保", "保障", "障卡", "卡申", "申领"), Tokens.of(bigram, "社会保障卡申领"));
        assertEquals(List.of("护照"), Tokens.of(bigram, "護照"));
    }

    @Test
    void fullPinyinWithWordsStackedAndLatinPinyinSplit() {
        assertEquals(List.of("she", "|shebao", "bao", "ka"), Tokens.of(pinyin, "社保卡"));
        assertEquals(List.of("she", "|shebaoka", "bao", "ka"), Tokens.of(pinyin, "shebaoka"));
        // a word decides the reading of a character with several: 银行 yin hang, 行走 xing zou
        assertEquals(List.of("yin", "|yinhang", "hang"), Tokens.of(pinyin, "银行"));
        assertEquals("xingzou", Pinyin.joined("行走"));
        assertEquals(List.of("hu", "|huzhao", "zhao"), Tokens.of(pinyin, "護照"));
        assertEquals(List.of("lv", "|lvse", "se"), Tokens.of(pinyin, "绿色"));
        assertEquals(null, Pinyin.split("sbk"));
    }

    @Test
    void initialsFromEveryWordStart() {
        assertTrue(Tokens.of(initials, "社保卡").contains("sbk"));
        List<String> passport = Tokens.of(initials, "普通护照签发");
        assertTrue(passport.containsAll(List.of("pt", "pthzqf", "hz", "hzqf", "qf")), passport.toString());
        assertTrue(!passport.contains("th"), "no initials from inside a word: " + passport);
        assertEquals(List.of("sbk"), Tokens.of(initials, "SBK"));
    }

    @Test
    void completionVariantsCarryCitizenPhrasingsAndPinyin() {
        List<String> v = strip(Tokens.of(suggest, "社会保障卡申领"));
        assertEquals("社会保障卡申领", v.getFirst());
        assertTrue(v.containsAll(List.of("社保卡申领", "shehuibaozhangkashenling", "shebaokashenling", "sbksl")), v.toString());
        assertTrue(v.size() <= Tokenizers.Suggest.MAX_VARIANTS);
        // the typed prefix with a homophone typo meets the indexed pinyin form
        assertEquals(List.of("社报卡", "shebaoka"), strip(Tokens.of(suggestSearch, "社报卡")));
        assertTrue(v.stream().anyMatch(s -> s.startsWith("shebaoka")));
        // the same variants in every JVM (the first phrasing of each official term in the name)
        assertEquals(List.of("社会保障卡申领", "办社保卡", "社保卡申领", "社会保障卡申请", "社保卡办理"), v.subList(0, 5));
    }

    @Test
    void theQueryIsCutAtItsCapAndLongInputStaysCheap() {
        String longQuery = "社".repeat(10_000);
        List<String> t = Tokens.of(search, longQuery);
        int chars = t.stream().mapToInt(String::length).sum();
        assertTrue(chars <= ZwyAnalyzers.QUERY_CAP, "query analysed beyond the cap: " + chars);

        // the pathological input of word segmenters: one character repeated, 200,000 times, index side
        String pathological = "啊".repeat(ZwyAnalyzers.TEXT_CAP);
        Tokens.of(words, "预热" + pathological.substring(0, 1000));
        long t0 = System.nanoTime();
        int n = Tokens.of(words, pathological).size();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(n > 0 && n <= ZwyAnalyzers.TEXT_CAP);
        assertTrue(ms < 10_000, "200,000 repeated characters took " + ms + " ms");
        assertTrue(Tokens.of(words, pathological + "后面的字不再分析").stream().noneMatch(s -> s.contains("分析")));
    }

    @Test
    void theDictionaryHoldsAtLeastTwoHundredCitizenPhrasings() {
        assertTrue(Synonyms.get().entries >= 200, "entries: " + Synonyms.get().entries);
    }

    private static List<String> strip(List<String> tokens) {
        return tokens.stream().map(s -> s.startsWith("|") ? s.substring(1) : s).toList();
    }
}
