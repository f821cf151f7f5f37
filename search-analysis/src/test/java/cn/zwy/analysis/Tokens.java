package cn.zwy.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/** The terms an analyzer makes of a text; a stacked term (same position) is written "|term". */
final class Tokens {
    private Tokens() {}

    static List<String> of(Analyzer a, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream s = a.tokenStream("f", text)) {
            CharTermAttribute t = s.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute p = s.addAttribute(PositionIncrementAttribute.class);
            s.reset();
            while (s.incrementToken()) out.add((p.getPositionIncrement() == 0 ? "|" : "") + t);
            s.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
