package cn.zwy.gateway.apps;

import java.time.Duration;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The two web apps (docs/adr/0025-web-apps.md), served by the gateway from the {@code web} module's
 * jar so that {@code ./platform up} needs no other server: the staff console at {@code /console/}
 * and the citizen H5 app at {@code /app/}. A path that names a file of the build is that file
 * (Vite's hashed {@code assets/} cached for a year, everything else revalidated); any other path
 * without a file extension is the app's {@code index.html}, so the apps' history-mode routes
 * (e.g. {@code /app/cases/441825:…}) survive a reload. A browser that accepts gzip gets the build's
 * own precompressed copy (the first screen of the citizen app on a slow phone network, docs/web.md). Only files under the app's own build
 * directory are ever read: a path with {@code ..}, a backslash or an encoded separator is 404.
 */
@Configuration
public class WebApps {

    static final Set<String> APPS = Set.of("console", "app");
    private static final CacheControl HASHED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    private static final CacheControl REVALIDATE = CacheControl.noCache();

    @Bean
    RouterFunction<ServerResponse> webAppRoutes() {
        return RouterFunctions.route()
                .GET("/console", r -> redirect("/console/"))
                .GET("/app", r -> redirect("/app/"))
                .GET("/console/**", r -> serve("console", r))
                .GET("/app/**", r -> serve("app", r))
                .build();
    }

    private static Mono<ServerResponse> redirect(String to) {
        return ServerResponse.status(HttpStatus.MOVED_PERMANENTLY).header("Location", to).build();
    }

    private static Mono<ServerResponse> serve(String app, ServerRequest request) {
        String rest = request.path().substring(app.length() + 2);   // after "/<app>/", still percent-encoded
        // a path whose last segment has no extension is a route of the app (/app/cases/441825%3A…): its index.html,
        // never a file named after it; only a path with an extension names a file of the build
        String file = isRoute(rest) ? "index.html" : fileOf(rest);
        if (file == null) return ServerResponse.notFound().build();
        Resource resource = new ClassPathResource("web/" + app + "/" + file);
        if (!resource.isReadable()) return ServerResponse.notFound().build();
        MediaType type = MediaTypeFactory.getMediaType(file).orElse(MediaType.APPLICATION_OCTET_STREAM);
        // the build's own .gz of the file (web/shared/build/precompress.ts) to a browser that accepts gzip
        Resource gzipped = new ClassPathResource("web/" + app + "/" + file + ".gz");
        boolean gzip = acceptsGzip(request) && gzipped.isReadable();
        return ServerResponse.ok()
                .contentType(type)
                .cacheControl(file.startsWith("assets/") ? HASHED : REVALIDATE)
                .header("Vary", "Accept-Encoding")
                .headers(h -> { if (gzip) h.set("Content-Encoding", "gzip"); })
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .bodyValue(gzip ? gzipped : resource);
    }

    private static boolean acceptsGzip(ServerRequest request) {
        for (String v : request.headers().header("Accept-Encoding")) {
            for (String coding : v.split(",")) {
                String c = coding.trim();
                if (c.startsWith("gzip") && !c.replace(" ", "").endsWith(";q=0")) return true;
            }
        }
        return false;
    }

    static boolean isRoute(String rest) {
        return !rest.substring(rest.lastIndexOf('/') + 1).contains(".");
    }

    /** The file a request path with an extension names inside the app's build; null for a path that could escape it. */
    static String fileOf(String rest) {
        if (rest.contains("..") || rest.contains("\\") || rest.contains("//") || rest.contains("%") || rest.startsWith("/")) {
            return null;
        }
        return rest;
    }
}
