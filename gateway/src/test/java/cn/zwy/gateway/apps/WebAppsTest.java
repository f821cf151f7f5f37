package cn.zwy.gateway.apps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway serves the built web apps (ADR 0025) from the web module's jar: the app's index.html for its
 * routes (a reload of /app/cases/441825:… works), hashed assets cached for a year, a missing file 404, and
 * nothing outside the app's build directory, whatever the path says.
 */
class WebAppsTest {

    private final WebTestClient web = WebTestClient.bindToRouterFunction(new WebApps().webAppRoutes()).build();

    @Test
    void theConsoleAndTheAppAnswerTheirIndexAtTheirRoot() {
        for (String app : new String[] {"/console/", "/app/"}) {
            web.get().uri(app).exchange().expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectHeader().cacheControl(org.springframework.http.CacheControl.noCache())
                    .expectBody(String.class).value(b -> assertThat(b).contains("<div id=\"app\">").contains("lang=\"zh-CN\""));
        }
        web.get().uri("/console").exchange().expectStatus().isEqualTo(301).expectHeader().location("/console/");
    }

    @Test
    void aRouteOfTheAppIsItsIndexSoAReloadWorks() {
        web.get().uri("/app/cases/441825:6f1c0000-0000-0000-0000-000000000000").exchange().expectStatus().isOk()
                .expectBody(String.class).value(b -> assertThat(b).contains("<div id=\"app\">"));
        web.get().uri("/console/cases/441825%3A6f1c").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void hashedAssetsAreCachedForAYearAndAMissingFileIs404() throws Exception {
        Resource[] js = new PathMatchingResourcePatternResolver().getResources("classpath*:web/app/assets/*.js");
        assertThat(js).as("the app is built into the web jar").isNotEmpty();
        web.get().uri("/app/assets/" + js[0].getFilename()).exchange().expectStatus().isOk()
                .expectHeader().valueMatches("Cache-Control", ".*max-age=31536000.*immutable.*")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
        web.get().uri("/app/assets/nothing-here.js").exchange().expectStatus().isNotFound();
    }

    @Test
    void aBrowserThatAcceptsGzipGetsTheBuildsPrecompressedCopy() throws Exception {
        Resource[] js = new PathMatchingResourcePatternResolver().getResources("classpath*:web/app/assets/vendor-*.js");
        assertThat(js).isNotEmpty();
        String uri = "/app/assets/" + js[0].getFilename();
        long plain = js[0].contentLength();
        web.get().uri(uri).header("Accept-Encoding", "gzip, deflate").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Content-Encoding", "gzip")
                .expectHeader().valueEquals("Vary", "Accept-Encoding")
                .expectHeader().contentTypeCompatibleWith("text/javascript")
                .expectBody(byte[].class).value(b -> assertThat((long) b.length).isLessThan(plain / 2));
        web.get().uri(uri).exchange().expectStatus().isOk()
                .expectHeader().doesNotExist("Content-Encoding")
                .expectBody(byte[].class).value(b -> assertThat((long) b.length).isEqualTo(plain));
    }

    @Test
    void nothingOutsideTheAppsBuildIsEverRead() {
        assertThat(WebApps.fileOf("../../application.yml")).isNull();
        assertThat(WebApps.fileOf("assets/..%2f..%2fapplication.yml")).isNull();
        assertThat(WebApps.fileOf("assets\\..\\x.js")).isNull();
        assertThat(WebApps.fileOf("/etc/passwd.txt")).isNull();
        assertThat(WebApps.fileOf("assets/index-abc.js")).isEqualTo("assets/index-abc.js");
        web.get().uri("/app/assets/..%2f..%2fapplication.yml").exchange().expectStatus().isNotFound();
        web.get().uri("/console/%2e%2e/%2e%2e/application.yml").exchange().expectStatus().isNotFound();
    }
}
