package cn.zwy.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.cn.smart.hhmm.HHMMSegmenter;
import org.apache.lucene.analysis.cn.smart.hhmm.SegToken;

/**
 * Word segmentation of folded text: Lucene smartcn's hidden-Markov-model segmenter (its own
 * bigram dictionary, no files outside the jar) on runs of Chinese characters, runs of letters and
 * digits as one word each, everything else a separator. With a phrase dictionary (the synonym
 * dictionary's citizen phrasings), phrases found by forward maximum matching stay one word, so a
 * synonym rule matches however smartcn would cut the phrase in context.
 *
 * <p>Cost bound: smartcn sees at most {@link #CHUNK} characters at a time (its lattice is then a
 * few thousand edges), so analysis is linear in the text length and the text length is capped
 * by {@link FoldingReader}.
 */
final class Segmenter {

    static final int CHUNK = 200;

    record Word(String text, int start, int end, boolean han) {}

    private final HHMMSegmenter hmm = new HHMMSegmenter();
    private final Set<String> phrases;
    private final int longestPhrase;

    Segmenter(Set<String> phrases, int longestPhrase) {
        this.phrases = phrases;
        this.longestPhrase = longestPhrase;
    }

    Segmenter() {
        this(Set.of(), 0);
    }

    List<Word> words(String text) {
        List<Word> out = new ArrayList<>();
        int i = 0, n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int j = i + 1;
            if (Pinyin.isHan(c)) {
                while (j < n && Pinyin.isHan(text.charAt(j))) j++;
                han(text, i, j, out);
            } else if (Character.isLetterOrDigit(c)) {
                while (j < n && Character.isLetterOrDigit(text.charAt(j)) && !Pinyin.isHan(text.charAt(j))) j++;
                out.add(new Word(text.substring(i, j), i, j, false));
            }
            i = j;
        }
        return out;
    }

    private void han(String text, int from, int to, List<Word> out) {
        int gap = from, i = from;
        while (i < to) {
            int hit = 0;
            for (int len = Math.min(longestPhrase, to - i); len >= 2; len--) {
                if (phrases.contains(text.substring(i, i + len))) {
                    hit = len;
                    break;
                }
            }
            if (hit == 0) {
                i++;
                continue;
            }
            hmm(text, gap, i, out);
            out.add(new Word(text.substring(i, i + hit), i, i + hit, true));
            i += hit;
            gap = i;
        }
        hmm(text, gap, to, out);
    }

    private void hmm(String text, int from, int to, List<Word> out) {
        for (int s = from; s < to; s += CHUNK) {
            int e = Math.min(to, s + CHUNK);
            if (e - s == 1) {
                out.add(new Word(text.substring(s, e), s, e, true));
                continue;
            }
            List<SegToken> tokens = hmm.process(text.substring(s, e));
            // the first and last tokens are smartcn's sentence begin/end markers
            for (int k = 1; k < tokens.size() - 1; k++) {
                SegToken t = tokens.get(k);
                if (t.endOffset <= t.startOffset) continue;
                out.add(new Word(text.substring(s + t.startOffset, s + t.endOffset), s + t.startOffset, s + t.endOffset, true));
            }
        }
    }
}
