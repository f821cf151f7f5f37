package cn.zwy.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * The synonym dictionary ({@code synonyms.txt}, data in this module): each line
 * {@code 正式用语 | 群众说法, 群众说法, …} maps what citizens type to the official term of the
 * catalog. From it:
 * <ul>
 *   <li>the phrases the search-side segmenter keeps whole (办社保卡, 身份证丢了),</li>
 *   <li>the synonym map of {@code zwy_words_search}: a phrase → the official term's words and the
 *       phrase's own words; also the full pinyin of every phrase and term of two or more
 *       characters and the initials of those of three or more (shebaoka, sbk → 社会保障卡),</li>
 *   <li>official term → phrases, for the completion variants of {@code zwy_suggest}.</li>
 * </ul>
 */
public final class Synonyms {

    public static final String RESOURCE = "/cn/zwy/analysis/synonyms.txt";
    public static final String STOPWORDS = "/cn/zwy/analysis/query-stopwords.txt";

    /** official term → the citizens' phrasings (folded): longest terms first, phrasings in file order. */
    public final Map<String, List<String>> colloquial;
    /** Chinese phrases kept as one word on the search side. */
    public final Set<String> phrases;
    public final int longestPhrase;
    public final SynonymMap map;
    public final Set<String> stopwords;
    public final int entries;

    private static volatile Synonyms instance;

    public static Synonyms get() {
        Synonyms s = instance;
        if (s == null) {
            synchronized (Synonyms.class) {
                if (instance == null) instance = load(Synonyms.class.getResourceAsStream(RESOURCE));
                s = instance;
            }
        }
        return s;
    }

    static Synonyms load(InputStream in) {
        if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the plugin jar");
        Map<String, List<String>> byOfficial = new LinkedHashMap<>();
        int entries = 0;
        try (in) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                int bar = line.indexOf('|');
                if (bar <= 0) throw new IllegalArgumentException(RESOURCE + ":" + lineNo + ": expected 正式用语 | 说法, 说法");
                String official = Folding.fold(line.substring(0, bar).strip());
                List<String> list = byOfficial.computeIfAbsent(official, k -> new ArrayList<>());
                for (String c : line.substring(bar + 1).split("[,，]")) {
                    String f = Folding.fold(c.strip());
                    if (f.isEmpty() || f.equals(official) || list.contains(f)) continue;
                    list.add(f);
                    entries++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Synonyms(byOfficial, entries, stopwords());
    }

    private static Set<String> stopwords() {
        Set<String> s = new HashSet<>();
        try (InputStream in = Synonyms.class.getResourceAsStream(STOPWORDS)) {
            if (in == null) throw new IllegalStateException(STOPWORDS + " is missing from the plugin jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) s.add(Folding.fold(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(s);
    }

    private Synonyms(Map<String, List<String>> byOfficial, int entries, Set<String> stopwords) {
        this.entries = entries;
        this.stopwords = stopwords;
        // longest official terms first, then file order: the same variants on every node (Map.copyOf would not keep an order)
        Map<String, List<String>> col = new LinkedHashMap<>();
        byOfficial.entrySet().stream()
                .sorted(java.util.Comparator.comparingInt((Map.Entry<String, List<String>> e) -> e.getKey().length()).reversed())
                .forEach(e -> col.put(e.getKey(), e.getValue().stream().filter(Synonyms::hasHan).toList()));
        this.colloquial = java.util.Collections.unmodifiableMap(col);
        Set<String> ph = new HashSet<>();
        int longest = 0;
        for (Map.Entry<String, List<String>> e : byOfficial.entrySet()) {
            // the official term is a phrase too: 居民身份证 stays whole instead of 居民 + 身份证 → 居民身份证
            if (allHan(e.getKey()) && e.getKey().length() >= 2) {
                ph.add(e.getKey());
                longest = Math.max(longest, e.getKey().length());
            }
            for (String c : e.getValue()) {
                if (allHan(c) && c.length() >= 2) {
                    ph.add(c);
                    longest = Math.max(longest, c.length());
                }
            }
        }
        this.phrases = Set.copyOf(ph);
        this.longestPhrase = longest;
        this.map = build(byOfficial, stopwords);
    }

    static boolean hasHan(String s) {
        for (int i = 0; i < s.length(); i++) if (Pinyin.isHan(s.charAt(i))) return true;
        return false;
    }

    static boolean allHan(String s) {
        for (int i = 0; i < s.length(); i++) if (!Pinyin.isHan(s.charAt(i))) return false;
        return !s.isEmpty();
    }

    private static SynonymMap build(Map<String, List<String>> byOfficial, Set<String> stopwords) {
        Segmenter plain = new Segmenter();
        // key (one token) → outputs (word sequences)
        Map<String, Set<String>> rules = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : byOfficial.entrySet()) {
            String official = e.getKey();
            String officialWords = words(plain, official, Set.of());
            if (officialWords.isEmpty()) continue;
            if (allHan(official) && official.length() >= 2) rules.computeIfAbsent(official, k -> new LinkedHashSet<>()).add(officialWords);
            for (String c : e.getValue()) {
                String key = oneToken(c);
                if (key == null) continue;
                Set<String> out = rules.computeIfAbsent(key, k -> new LinkedHashSet<>());
                out.add(officialWords);
                // the phrase's own words, without the question words (办, 怎么): what the index may hold
                String own = words(plain, c, stopwords);
                if (!own.isEmpty()) out.add(own);
                if (allHan(c) && c.length() >= 2) {
                    rules.computeIfAbsent(Pinyin.joined(c), k -> new LinkedHashSet<>()).add(officialWords);
                    if (c.length() >= 3) rules.computeIfAbsent(Pinyin.initials(c), k -> new LinkedHashSet<>()).add(officialWords);
                }
            }
            if (allHan(official) && official.length() >= 2) {
                rules.computeIfAbsent(Pinyin.joined(official), k -> new LinkedHashSet<>()).add(officialWords);
                if (official.length() >= 3) rules.computeIfAbsent(Pinyin.initials(official), k -> new LinkedHashSet<>()).add(officialWords);
            }
        }
        try {
            SynonymMap.Builder b = new SynonymMap.Builder(true);
            rules.forEach((key, outs) -> {
                for (String o : outs) b.add(new CharsRef(key), new CharsRef(o), false);
            });
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The phrase as the search-side segmenter will see it: Chinese or Latin as one token, else not a key. */
    private static String oneToken(String c) {
        if (allHan(c)) return c.length() >= 2 ? c : null;
        for (int i = 0; i < c.length(); i++) if (!Character.isLetterOrDigit(c.charAt(i)) || Pinyin.isHan(c.charAt(i))) return null;
        return c;
    }

    private static String words(Segmenter s, String text, Set<String> stopwords) {
        CharsRefBuilder b = new CharsRefBuilder();
        for (Segmenter.Word w : s.words(text)) {
            if (stopwords.contains(w.text())) continue;
            if (b.length() > 0) b.append(SynonymMap.WORD_SEPARATOR);
            b.append(w.text());
        }
        return b.toString();
    }
}
