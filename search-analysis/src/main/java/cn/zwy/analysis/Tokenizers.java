package cn.zwy.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The tokenizers of the plugin's analyzers, each a function of the folded text. */
final class Tokenizers {

    private Tokenizers() {}

    /** Words: smartcn's segmentation (with the citizen phrases kept whole when a phrase set is given). */
    static final class Words extends WholeTextTokenizer {
        private final Segmenter segmenter;

        Words(Segmenter segmenter) {
            this.segmenter = segmenter;
        }

        @Override
        protected void tokens(String text, List<Tok> out) {
            for (Segmenter.Word w : segmenter.words(text)) {
                out.add(new Tok(w.text(), w.start(), w.end(), 1, w.han() ? "word" : "alnum"));
            }
        }
    }

    /**
     * Full pinyin: one syllable per Chinese character (社保卡 → she bao ka) with each word's
     * syllables joined stacked on its first one (shebao at she); a Latin string made of pinyin is
     * split the same way with itself stacked (shebaoka → she|shebaoka bao ka), so a citizen's
     * pinyin matches the Chinese as a phrase.
     */
    static final class Pinyin extends WholeTextTokenizer {
        private final Segmenter segmenter = new Segmenter();

        @Override
        protected void tokens(String text, List<Tok> out) {
            for (Segmenter.Word w : segmenter.words(text)) {
                if (w.han()) {
                    String[] syl = cn.zwy.analysis.Pinyin.syllables(w.text());
                    for (int i = 0; i < syl.length; i++) {
                        out.add(new Tok(syl[i], w.start() + i, w.start() + i + 1, 1, "syllable"));
                        if (i == 0 && syl.length > 1) out.add(new Tok(String.join("", syl), w.start(), w.end(), 0, "word"));
                    }
                } else {
                    List<String> split = cn.zwy.analysis.Pinyin.split(w.text());
                    if (split == null || split.size() < 2) {
                        out.add(new Tok(w.text(), w.start(), w.end(), 1, "alnum"));
                        continue;
                    }
                    int at = w.start();
                    for (int i = 0; i < split.size(); i++) {
                        String s = split.get(i);
                        out.add(new Tok(s, at, at + s.length(), 1, "syllable"));
                        if (i == 0) out.add(new Tok(w.text(), w.start(), w.end(), 0, "word"));
                        at += s.length();
                    }
                }
            }
        }
    }

    /**
     * Pinyin initials: from the start of every word of a run of Chinese characters, the initials
     * of the next 2–8 characters (社保卡申领 → sb, sbk, sbks, sbksl, bk, …, sl); Latin as itself,
     * so the citizen's "sbk" is one token.
     */
    static final class Initials extends WholeTextTokenizer {
        static final int LONGEST = 8;
        private final Segmenter segmenter = new Segmenter();

        @Override
        protected void tokens(String text, List<Tok> out) {
            List<Segmenter.Word> words = segmenter.words(text);
            int k = 0;
            while (k < words.size()) {
                Segmenter.Word w = words.get(k);
                if (!w.han()) {
                    out.add(new Tok(w.text(), w.start(), w.end(), 1, "alnum"));
                    k++;
                    continue;
                }
                // the run of adjacent Chinese words starting at k
                int last = k;
                while (last + 1 < words.size() && words.get(last + 1).han() && words.get(last + 1).start() == words.get(last).end()) last++;
                int runStart = w.start(), runEnd = words.get(last).end();
                String[] syl = cn.zwy.analysis.Pinyin.syllables(text.substring(runStart, runEnd));
                StringBuilder ini = new StringBuilder(syl.length);
                for (String s : syl) ini.append(cn.zwy.analysis.Pinyin.initial(s));
                for (int m = k; m <= last; m++) {
                    int s = words.get(m).start() - runStart;
                    for (int len = 2; len <= LONGEST && s + len <= ini.length(); len++) {
                        out.add(new Tok(ini.substring(s, s + len), runStart + s, runStart + s + len, 1, "initials"));
                    }
                }
                k = last + 1;
            }
        }
    }

    /**
     * Completion input: the whole text as one token with stacked alternatives, each a path of
     * the completion automaton. Index side: the text, the text with an official term replaced by
     * the citizens' phrasings (社会保障卡申领 → 社保卡申领), and the full pinyin and initials of each;
     * search side: the prefix and, from two Chinese characters on, its pinyin (so the homophone
     * typo 社报卡 reaches shebaoka…).
     */
    static final class Suggest extends WholeTextTokenizer {
        static final int MAX_VARIANTS = 16;
        private final Map<String, List<String>> colloquial;
        private final boolean index;

        Suggest(Map<String, List<String>> colloquial, boolean index) {
            this.colloquial = colloquial;
            this.index = index;
        }

        @Override
        protected void tokens(String raw, List<Tok> out) {
            String text = raw.strip();
            if (text.isEmpty()) return;
            int start = raw.indexOf(text.charAt(0));
            Set<String> v = new LinkedHashSet<>();
            v.add(text);
            int han = 0;
            for (int i = 0; i < text.length(); i++) if (cn.zwy.analysis.Pinyin.isHan(text.charAt(i))) han++;
            if (index) {
                // the official terms in the text, longest first; their phrasings taken in turns (the first of
                // each term, then the second…), so that every term gets its most common phrasing in
                List<Map.Entry<String, List<String>>> found = new ArrayList<>();
                for (Map.Entry<String, List<String>> e : colloquial.entrySet()) if (text.contains(e.getKey())) found.add(e);
                for (int round = 0; v.size() < MAX_VARIANTS / 3; round++) {
                    boolean any = false;
                    for (Map.Entry<String, List<String>> e : found) {
                        if (round >= e.getValue().size() || v.size() >= MAX_VARIANTS / 3) continue;
                        any = true;
                        v.add(text.replace(e.getKey(), e.getValue().get(round)));
                    }
                    if (!any) break;
                }
                for (String t : List.copyOf(v)) {
                    if (han == 0) break;
                    v.add(cn.zwy.analysis.Pinyin.joined(t));
                    if (han >= 2) v.add(cn.zwy.analysis.Pinyin.initials(t));
                }
            } else if (han >= 2) {
                v.add(cn.zwy.analysis.Pinyin.joined(text));
            }
            int posInc = 1;
            int n = 0;
            for (String s : v) {
                if (s.isEmpty() || n++ >= MAX_VARIANTS) continue;
                out.add(new Tok(s, start, start + text.length(), posInc, "variant"));
                posInc = 0;
            }
        }
    }
}
