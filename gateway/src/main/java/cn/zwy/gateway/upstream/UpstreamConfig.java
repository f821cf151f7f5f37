package cn.zwy.gateway.upstream;

import cn.zwy.cases.api.BookingApi;
import cn.zwy.cases.api.CaseApi;
import cn.zwy.cases.api.CaseReportApi;
import cn.zwy.cases.api.CaseUpdatesApi;
import cn.zwy.cases.api.QueueApi;
import cn.zwy.cases.api.ReviewApi;
import cn.zwy.cases.api.ComplaintApi;
import cn.zwy.cases.api.QueueUpdatesApi;
import cn.zwy.cases.api.SpecialServiceApi;
import cn.zwy.cases.api.DeemedApprovalApi;
import cn.zwy.cases.api.CrossLevelApi;
import cn.zwy.cases.api.StationApi;
import cn.zwy.cases.api.EntrustmentApi;
import cn.zwy.cases.api.JointReviewApi;
import cn.zwy.cases.api.SupervisionApi;
import cn.zwy.search.api.SearchApi;
import cn.zwy.search.api.guide.GuideSearchApi;
import cn.zwy.tenant.api.calendar.CalendarApi;
import cn.zwy.tenant.api.catalog.CatalogApi;
import cn.zwy.tenant.api.catalog.PackageApi;
import cn.zwy.cases.api.PackageCaseApi;
import cn.zwy.cases.api.PrefillApi;
import cn.zwy.cases.api.WalletApi;
import cn.zwy.tenant.api.hall.HallApi;
import cn.zwy.tenant.api.organisation.OrganisationApi;
import cn.zwy.tenant.api.region.RegionApi;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.datetime.standard.DateTimeFormatterRegistrar;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The services' contracts as HTTP service proxies (ADR 0008): one WebClient per service, built
 * from Boot's builder (so calls carry trace context and are measured) with the one
 * {@link ServiceCalls} filter, and one proxy per contract interface, built once at start-up.
 */
@Configuration
public class UpstreamConfig {

    private final HttpServiceProxyFactory tenantService;
    private final HttpServiceProxyFactory searchService;
    private final HttpServiceProxyFactory caseService;
    private final HttpServiceProxyFactory caseStreams;

    public UpstreamConfig(WebClient.Builder builder, ServicesProperties props,
                          @Value("${zwy.services.case-update-streams:2000}") int caseUpdateStreams) {
        this.tenantService = proxies(builder, props.tenantUrl(), "tenant-service", perLoop("tenant-service"));
        this.searchService = proxies(builder, props.searchUrl(), "search-service", perLoop("search-service"));
        this.caseService = proxies(builder, props.caseUrl(), "case-service", perLoop("case-service"));
        // live updates (ADR 0012): each open stream holds a connection for as long as the citizen watches, so they
        // get a pool of their own rather than taking the connections every ordinary call to case-service shares
        ConnectionProvider streams = connections("case-update-streams").maxConnections(caseUpdateStreams)
                .pendingAcquireTimeout(Duration.ofSeconds(5)).build();
        this.caseStreams = proxies(builder, props.caseUrl(), "case-service",
                new ReactorClientHttpConnector(HttpClient.create(streams)));
    }

    static HttpServiceProxyFactory proxies(WebClient.Builder builder, String baseUrl, String serviceName,
                                           ClientHttpConnector connector) {
        WebClient web = builder.clone().clientConnector(connector)
                .baseUrl(baseUrl).filter(new ServiceCalls(serviceName)).build();
        return HttpServiceProxyFactory.builderFor(WebClientAdapter.create(web)).conversionService(isoDates()).build();
    }

    /**
     * Connections per service: as many as the global pool Spring's WebClient used before ADR 0042 (500 per address,
     * twice as many calls waiting). A builder's default is 16 on this size of machine with 32 waiting, and a burst of
     * 200 bookings then got "service unavailable" for every call past the 48th.
     */
    static final int MAX_CONNECTIONS = 500;

    /**
     * The connections to one service (ADR 0042). The services keep a connection as long as the gateway does (Tomcat's
     * limit of 100 requests per connection is off), so the gateway renews each after a minute, which lets a
     * connection move to a new replica behind a Kubernetes Service, and closes one idle for 30 s, before Tomcat's
     * keep-alive timeout (60 s) could close it under a request being sent.
     */
    static ConnectionProvider.Builder connections(String name) {
        return ConnectionProvider.builder(name).maxConnections(MAX_CONNECTIONS)
                .maxLifeTime(Duration.ofMinutes(1)).maxIdleTime(Duration.ofSeconds(30));
    }

    /**
     * The connections to one service, a pool of them per event loop (ADR 0045, as the Keycloak route's since ADR 0039):
     * a resolver's call then leaves and comes back on the loop that read the GraphQL request, instead of on whichever
     * loop opened the idle connection a shared pool hands out, which cost two task hand-overs between the loops per
     * call (15 % of the gateway's CPU samples on the one-field read). The connector is chosen when the call is made,
     * on the thread that makes it.
     */
    static ClientHttpConnector perLoop(String service) {
        LoopLocal<ReactorClientHttpConnector> connectors = new LoopLocal<>(service,
                pool -> new ReactorClientHttpConnector(HttpClient.create(connections(pool).build())));
        return (method, uri, request) -> connectors.get().connect(method, uri, request);
    }

    /** Dates and instants in URLs as ISO-8601, as the services parse them (not the locale's short style). */
    static DefaultFormattingConversionService isoDates() {
        UrlValues conversions = new UrlValues();
        DateTimeFormatterRegistrar iso = new DateTimeFormatterRegistrar();
        iso.setUseIsoFormat(true);
        iso.registerFormatters(conversions);
        return conversions;
    }

    /**
     * How the contracts' arguments become text in a URL. Enums and whole numbers are written as their converters would
     * (name, decimal) without looking a converter up: the lookup compares the parameter's annotations on every call,
     * and a guide search with its page size and three parts paid about 30 µs for it (docs/benchmarks/search.md).
     */
    static final class UrlValues extends DefaultFormattingConversionService {

        UrlValues() {
            super(false);
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            if (targetType.getType() == String.class) {
                if (source instanceof Enum<?> e) return e.name();
                if (source instanceof Integer || source instanceof Long) return source.toString();
            }
            return super.convert(source, sourceType, targetType);
        }
    }

    @Bean
    HallApi hallApi() {
        return tenantService.createClient(HallApi.class);
    }

    @Bean
    RegionApi regionApi() {
        return tenantService.createClient(RegionApi.class);
    }

    @Bean
    CalendarApi calendarApi() {
        return tenantService.createClient(CalendarApi.class);
    }

    @Bean
    CatalogApi catalogApi() {
        return tenantService.createClient(CatalogApi.class);
    }

    @Bean
    OrganisationApi organisationApi() {
        return tenantService.createClient(OrganisationApi.class);
    }

    @Bean
    SearchApi searchApi() {
        return searchService.createClient(SearchApi.class);
    }

    @Bean
    GuideSearchApi guideSearchApi() {
        return searchService.createClient(GuideSearchApi.class);
    }

    @Bean
    PackageApi packageApi() {
        return tenantService.createClient(PackageApi.class);
    }

    @Bean
    PackageCaseApi packageCaseApi() {
        return caseService.createClient(PackageCaseApi.class);
    }

    @Bean
    WalletApi walletApi() {
        return caseService.createClient(WalletApi.class);
    }

    @Bean
    PrefillApi prefillApi() {
        return caseService.createClient(PrefillApi.class);
    }

    @Bean
    CaseApi caseApi() {
        return caseService.createClient(CaseApi.class);
    }

    @Bean
    EntrustmentApi entrustmentApi() {
        return caseService.createClient(EntrustmentApi.class);
    }

    @Bean
    SupervisionApi supervisionApi() {
        return caseService.createClient(SupervisionApi.class);
    }

    @Bean
    CrossLevelApi crossLevelApi() {
        return caseService.createClient(CrossLevelApi.class);
    }

    @Bean
    StationApi stationApi() {
        return caseService.createClient(StationApi.class);
    }

    @Bean
    JointReviewApi jointReviewApi() {
        return caseService.createClient(JointReviewApi.class);
    }

    @Bean
    DeemedApprovalApi deemedApprovalApi() {
        return caseService.createClient(DeemedApprovalApi.class);
    }

    @Bean
    BookingApi bookingApi() {
        return caseService.createClient(BookingApi.class);
    }

    @Bean
    SpecialServiceApi specialServiceApi() {
        return caseService.createClient(SpecialServiceApi.class);
    }

    @Bean
    CaseReportApi caseReportApi() {
        return caseService.createClient(CaseReportApi.class);
    }

    @Bean
    CaseUpdatesApi caseUpdatesApi() {
        return caseStreams.createClient(CaseUpdatesApi.class);
    }

    @Bean
    QueueApi queueApi() {
        return caseService.createClient(QueueApi.class);
    }

    @Bean
    ReviewApi reviewApi() {
        return caseService.createClient(ReviewApi.class);
    }

    @Bean
    ComplaintApi complaintApi() {
        return caseService.createClient(ComplaintApi.class);
    }

    /** The calling screens and tickets followed live (ADR 0017) share the stream pool of the case updates. */
    @Bean
    QueueUpdatesApi queueUpdatesApi() {
        return caseStreams.createClient(QueueUpdatesApi.class);
    }
}
