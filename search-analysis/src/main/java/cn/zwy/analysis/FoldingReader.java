package cn.zwy.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * The char filter of every analyzer: {@link Folding} (one char to one char, so no offset
 * correction) and the length cap — after {@code maxChars} characters the input ends. The cap is
 * what bounds the cost of analysing a citizen's query however long the text sent.
 */
public final class FoldingReader extends CharFilter {

    private final int maxChars;
    private int read;

    public FoldingReader(Reader in, int maxChars) {
        super(in);
        this.maxChars = maxChars;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (read >= maxChars) return -1;
        int n = input.read(cbuf, off, Math.min(len, maxChars - read));
        if (n <= 0) return n;
        for (int i = off; i < off + n; i++) cbuf[i] = Folding.fold(cbuf[i]);
        read += n;
        return n;
    }

    @Override
    protected int correct(int currentOff) {
        return currentOff;
    }
}
