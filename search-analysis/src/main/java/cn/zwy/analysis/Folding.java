package cn.zwy.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Character folding applied before every analyzer of the plugin: traditional → simplified
 * (HanLP's {@code t2s} table, its one-character entries), full-width → half-width ASCII, the
 * ideographic space → space, lower case. Every mapping is one char to one char, so offsets stay
 * those of the original text and the cost is one table look-up per character.
 */
public final class Folding {

    /** HanLP's traditional → simplified table, copied from hanlp-portable at build time. */
    static final String T2S = "/data/dictionary/tc/t2s.txt";

    private static final char[] TABLE = load();

    private Folding() {}

    private static char[] load() {
        char[] t = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) t[c] = (char) c;
        try (InputStream in = Folding.class.getResourceAsStream(T2S)) {
            if (in == null) throw new IllegalStateException(T2S + " is missing from the plugin jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                int eq = line.indexOf('=');
                // one BMP character on each side: a 1:1 map keeps offsets and lengths
                if (eq == 1 && line.length() == 3) t[line.charAt(0)] = line.charAt(2);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (char c = '\uFF01'; c <= '\uFF5E'; c++) t[c] = (char) (c - 0xFEE0);
        t['\u3000'] = ' ';
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char m = t[c];
            // lower case only where it stays one char (no Turkish dotted I expansions)
            if (!Character.isSurrogate(m)) t[c] = Character.toLowerCase(m);
        }
        return t;
    }

    public static char fold(char c) {
        return TABLE[c];
    }

    public static String fold(CharSequence s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) out[i] = TABLE[s.charAt(i)];
        return new String(out);
    }
}
