package cn.zwy.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pinyin of Chinese text from HanLP's pinyin dictionary (30k words and characters, tones dropped,
 * ü written v): the longest dictionary word at each place decides the reading, so 银行 is yin hang
 * and 行走 xing zou. Also splits a Latin string into pinyin syllables (shebaoka → she bao ka) when
 * it is made of them only.
 */
public final class Pinyin {

    static final String DICTIONARY = "/data/dictionary/pinyin/pinyin.txt";
    static final int MAX_WORD = 9;

    private static final Map<String, String[]> WORDS = new HashMap<>(64_000);
    private static final Set<String> SYLLABLES = new HashSet<>();
    private static int longestSyllable;

    static {
        try (InputStream in = Pinyin.class.getResourceAsStream(DICTIONARY)) {
            if (in == null) throw new IllegalStateException(DICTIONARY + " is missing from the plugin jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                int eq = line.indexOf('=');
                if (eq <= 0) continue;
                String word = line.substring(0, eq);
                String[] readings = line.substring(eq + 1).split(",");
                // a single character lists all its readings: the first is the common one
                String[] syl = word.codePointCount(0, word.length()) == 1 ? new String[] {readings[0]} : readings;
                if (syl.length != word.length()) continue;  // supplementary characters: skip
                for (int i = 0; i < syl.length; i++) {
                    syl[i] = toneless(syl[i]);
                    if (syl[i].isEmpty()) syl = null;
                    if (syl == null) break;
                }
                if (syl == null) continue;
                WORDS.putIfAbsent(word, syl);
                for (String s : syl) {
                    SYLLABLES.add(s);
                    longestSyllable = Math.max(longestSyllable, s.length());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SYLLABLES.remove("none");
    }

    private Pinyin() {}

    private static String toneless(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') b.append(c);
            else if (c == 'ü') b.append('v');
        }
        return b.toString();
    }

    public static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && Character.isLetter(c);
    }

    /**
     * One syllable per character of {@code han} (which must be Chinese characters only); a
     * character without a reading keeps itself.
     */
    public static String[] syllables(String han) {
        String[] out = new String[han.length()];
        int i = 0;
        while (i < han.length()) {
            int n = Math.min(MAX_WORD, han.length() - i);
            String[] hit = null;
            for (; n > 1; n--) {
                hit = WORDS.get(han.substring(i, i + n));
                if (hit != null) break;
            }
            if (hit == null) {
                String[] one = WORDS.get(han.substring(i, i + 1));
                out[i] = one != null ? one[0] : han.substring(i, i + 1);
                i++;
            } else {
                System.arraycopy(hit, 0, out, i, n);
                i += n;
            }
        }
        return out;
    }

    /** The initial letter of a syllable (zh, ch, sh count as z, c, s: 社保卡 → sbk). */
    public static char initial(String syllable) {
        return syllable.charAt(0);
    }

    /** The pinyin of any text: Chinese characters as syllables, letters and digits kept, the rest dropped. */
    public static String joined(String text) {
        StringBuilder b = new StringBuilder();
        forEachRun(text, (run, han) -> {
            if (han) for (String s : syllables(run)) b.append(s);
            else b.append(run);
        });
        return b.toString();
    }

    /** The pinyin initials of any text: one letter per Chinese character, letters and digits kept. */
    public static String initials(String text) {
        StringBuilder b = new StringBuilder();
        forEachRun(text, (run, han) -> {
            if (han) for (String s : syllables(run)) b.append(initial(s));
            else b.append(run);
        });
        return b.toString();
    }

    interface RunConsumer {
        void accept(String run, boolean han);
    }

    /** Runs of Chinese characters and runs of letters/digits; anything else separates them. */
    static void forEachRun(String text, RunConsumer f) {
        int i = 0, n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int j = i + 1;
            if (isHan(c)) {
                while (j < n && isHan(text.charAt(j))) j++;
                f.accept(text.substring(i, j), true);
            } else if (Character.isLetterOrDigit(c)) {
                while (j < n && Character.isLetterOrDigit(text.charAt(j)) && !isHan(text.charAt(j))) j++;
                f.accept(text.substring(i, j), false);
            }
            i = j;
        }
    }

    /**
     * The syllables a Latin string is made of (shebaoka → she, bao, ka), preferring long
     * syllables with backtracking; {@code null} when it is not pinyin. Bounded: at most
     * 64 letters are tried.
     */
    public static List<String> split(String latin) {
        if (latin.isEmpty() || latin.length() > 64) return null;
        for (int i = 0; i < latin.length(); i++) {
            char c = latin.charAt(i);
            if (c < 'a' || c > 'z') return null;
        }
        // dynamic programming from the end: best[i] = fewest syllables covering latin[i..]
        int n = latin.length();
        int[] best = new int[n + 1];
        int[] next = new int[n + 1];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        best[n] = 0;
        for (int i = n - 1; i >= 0; i--) {
            for (int len = Math.min(longestSyllable, n - i); len >= 1; len--) {
                if (best[i + len] == Integer.MAX_VALUE) continue;
                if (!SYLLABLES.contains(latin.substring(i, i + len))) continue;
                if (best[i + len] + 1 < best[i]) {
                    best[i] = best[i + len] + 1;
                    next[i] = i + len;
                }
            }
        }
        if (best[0] == Integer.MAX_VALUE) return null;
        List<String> out = new ArrayList<>(best[0]);
        for (int i = 0; i < n; i = next[i]) out.add(latin.substring(i, next[i]));
        return out;
    }
}
