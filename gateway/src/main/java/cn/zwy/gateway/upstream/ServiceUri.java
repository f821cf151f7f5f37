package cn.zwy.gateway.upstream;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.web.util.UriBuilder;

/**
 * A service URL from a path template and values, for {@link ServiceClient}. Every value, in the
 * path or the query, is expanded as an encoded URI variable, never written into the template:
 * user text such as {@code "{x}"} or {@code "a&b=c"} stays data (a search for braces searches
 * for braces). Query parameters whose value is null are left out.
 * <pre>ServiceUri.of("/api/tenants/{code}/hall-changes", code).query("first", first).query("after", after)</pre>
 */
public final class ServiceUri implements Function<UriBuilder, URI> {

    private final String path;
    private final List<Object> values = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    private ServiceUri(String path, Object... pathValues) {
        this.path = path;
        this.values.addAll(List.of(pathValues));
    }

    public static ServiceUri of(String path, Object... pathValues) {
        return new ServiceUri(path, pathValues);
    }

    public ServiceUri query(String name, Object value) {
        if (value != null) {
            names.add(name);
            values.add(value);
        }
        return this;
    }

    @Override
    public URI apply(UriBuilder builder) {
        builder.path(path);
        // positional variables: the path's come first in the URL, then the query's in order
        for (int i = 0; i < names.size(); i++) builder.queryParam(names.get(i), "{q" + i + "}");
        return builder.build(values.toArray());
    }
}
