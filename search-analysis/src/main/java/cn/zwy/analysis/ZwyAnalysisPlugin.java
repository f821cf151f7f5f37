package cn.zwy.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * 政务云's Chinese analysis for Elasticsearch (ADR 0018): the analyzers of {@link ZwyAnalyzers}
 * registered by name, usable in any index mapping without an {@code analysis} section.
 */
public class ZwyAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> m = new LinkedHashMap<>();
        ZwyAnalyzers.ALL.forEach((name, make) -> m.put(name, (indexSettings, env, n, settings) -> new Provider(n, settings, make)));
        return m;
    }

    static final class Provider extends AbstractIndexAnalyzerProvider<Analyzer> {
        private final Analyzer analyzer;

        Provider(String name, org.elasticsearch.common.settings.Settings settings, Supplier<Analyzer> make) {
            super(name, settings);
            this.analyzer = make.get();
        }

        @Override
        public Analyzer get() {
            return analyzer;
        }
    }
}
