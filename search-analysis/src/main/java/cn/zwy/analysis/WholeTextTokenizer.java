package cn.zwy.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * A tokenizer that reads its whole (already folded and capped) input, then emits the tokens
 * {@link #tokens} made of it. Each analyzer of the plugin is one such function of the text.
 */
abstract class WholeTextTokenizer extends Tokenizer {

    /** One token; {@code posInc} 0 stacks it on the previous one (an alternative form). */
    record Tok(String term, int start, int end, int posInc, String type) {}

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final char[] buf = new char[1024];
    private List<Tok> pending = List.of();
    private int next;
    private int length;

    protected abstract void tokens(String text, List<Tok> out);

    @Override
    public final boolean incrementToken() {
        if (next >= pending.size()) return false;
        clearAttributes();
        Tok t = pending.get(next++);
        term.setEmpty().append(t.term());
        offset.setOffset(correctOffset(t.start()), correctOffset(t.end()));
        posInc.setPositionIncrement(t.posInc());
        type.setType(t.type());
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        StringBuilder b = new StringBuilder();
        for (int n; (n = input.read(buf)) != -1; ) b.append(buf, 0, n);
        length = b.length();
        List<Tok> out = new ArrayList<>();
        tokens(b.toString(), out);
        pending = out;
        next = 0;
    }

    @Override
    public void end() throws IOException {
        super.end();
        int f = correctOffset(length);
        offset.setOffset(f, f);
    }

    @Override
    public void close() throws IOException {
        super.close();
        pending = List.of();
    }
}
