package cn.zwy.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.search.api.guide.GuideSearchApi;
import cn.zwy.search.api.guide.GuideSearchPart;
import cn.zwy.tenant.api.catalog.Audience;
import cn.zwy.tenant.api.catalog.SixWay;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import reactor.core.publisher.Mono;

/** The contracts' arguments in a service URL: enums by name, numbers in decimal, dates in ISO-8601, text encoded. */
class UrlValuesTest {

    @Test
    void aGuideSearchIsSentWithItsArgumentsAsTheServiceParsesThem() {
        AtomicReference<URI> sent = new AtomicReference<>();
        WebClient web = WebClient.builder().baseUrl("http://search-service")
                .exchangeFunction(request -> {
                    sent.set(request.url());
                    return Mono.error(new IllegalStateException("not sent"));
                }).build();
        GuideSearchApi api = HttpServiceProxyFactory.builderFor(WebClientAdapter.create(web))
                .conversionService(UpstreamConfig.isoDates()).build().createClient(GuideSearchApi.class);
        api.search("社保 卡&x", "441825", List.of(Audience.ENTERPRISE), List.of(SixWay.ONE_ID, SixWay.NEARBY), null, null, null,
                10, null, List.of(GuideSearchPart.HITS, GuideSearchPart.TOTAL)).onErrorResume(e -> Mono.empty()).block();
        assertThat(sent.get().getPath()).isEqualTo(GuideSearchApi.SEARCH);
        assertThat(sent.get().getRawQuery()).isEqualTo("text=%E7%A4%BE%E4%BF%9D%20%E5%8D%A1%26x&regionCode=441825&audience=ENTERPRISE"
                + "&tag=ONE_ID&tag=NEARBY&first=10&part=HITS&part=TOTAL");
    }

    @Test
    void datesAndInstantsAreIso() {
        var conversions = UpstreamConfig.isoDates();
        assertThat(conversions.convert(LocalDate.of(2026, 10, 9), String.class)).isEqualTo("2026-10-09");
        assertThat(conversions.convert(Instant.parse("2026-10-09T01:02:03Z"), String.class)).isEqualTo("2026-10-09T01:02:03Z");
        assertThat(conversions.convert(123L, String.class)).isEqualTo("123");
    }
}
