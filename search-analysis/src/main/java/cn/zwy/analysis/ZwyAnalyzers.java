package cn.zwy.analysis;

import java.io.Reader;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;

/**
 * The analyzers of the plugin, by the names index mappings use. Every one starts with
 * {@link FoldingReader} (traditional → simplified, width, case) and its length cap.
 */
public final class ZwyAnalyzers {

    /** Field text (guide bodies included) is analysed up to this many characters. */
    public static final int TEXT_CAP = 200_000;
    /** A citizen's query: longer text is cut here before segmentation and synonyms. */
    public static final int QUERY_CAP = 64;
    /** Names and aliases for pinyin and initials. */
    public static final int SHORT_CAP = 512;
    /** Completion input and prefix (the completion field's own default maximum is 50). */
    public static final int SUGGEST_CAP = 50;

    public static final Map<String, Supplier<Analyzer>> ALL = Map.of(
            "zwy_words", ZwyAnalyzers::words,
            "zwy_words_search", ZwyAnalyzers::wordsSearch,
            "zwy_bigram", ZwyAnalyzers::bigram,
            "zwy_pinyin", ZwyAnalyzers::pinyin,
            "zwy_initials", ZwyAnalyzers::initials,
            "zwy_suggest", () -> suggest(true),
            "zwy_suggest_search", () -> suggest(false));

    private ZwyAnalyzers() {}

    private abstract static class Folded extends Analyzer {
        private final int cap;

        Folded(int cap) {
            this.cap = cap;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new FoldingReader(reader, cap);
        }

        @Override
        protected Reader initReaderForNormalization(String fieldName, Reader reader) {
            return new FoldingReader(reader, cap);
        }
    }

    public static Analyzer words() {
        return new Folded(TEXT_CAP) {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                return new TokenStreamComponents(new Tokenizers.Words(new Segmenter()));
            }
        };
    }

    public static Analyzer wordsSearch() {
        Synonyms syn = Synonyms.get();
        CharArraySet stop = new CharArraySet(syn.stopwords, false);
        return new Folded(QUERY_CAP) {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = new Tokenizers.Words(new Segmenter(syn.phrases, syn.longestPhrase));
                TokenStream s = new StopFilter(t, stop);
                s = new SynonymGraphFilter(s, syn.map, true);
                return new TokenStreamComponents(t, s);
            }
        };
    }

    public static Analyzer bigram() {
        return new Folded(TEXT_CAP) {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = new StandardTokenizer();
                return new TokenStreamComponents(t, new CJKBigramFilter(t));
            }
        };
    }

    public static Analyzer pinyin() {
        return new Folded(SHORT_CAP) {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                return new TokenStreamComponents(new Tokenizers.Pinyin());
            }
        };
    }

    public static Analyzer initials() {
        return new Folded(SHORT_CAP) {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                return new TokenStreamComponents(new Tokenizers.Initials());
            }
        };
    }

    public static Analyzer suggest(boolean index) {
        Synonyms syn = Synonyms.get();
        return new Folded(SUGGEST_CAP) {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                return new TokenStreamComponents(new Tokenizers.Suggest(syn.colloquial, index));
            }
        };
    }
}
