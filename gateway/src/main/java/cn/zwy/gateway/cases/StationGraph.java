package cn.zwy.gateway.cases;

import cn.zwy.cases.api.CaseApi;
import cn.zwy.cases.api.CitizenMessage;
import cn.zwy.cases.api.Receipt;
import cn.zwy.cases.api.StationApi;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.gateway.graphql.Connection;
import cn.zwy.gateway.graphql.Ids;
import cn.zwy.gateway.identity.Callers;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Three-level agency (三级全程代理, T3): an agent records an application at their village or town station;
 * the station's queue and forwarding are caseInbox(AT_MY_STATION) and forwardCase, delivery deliverCase.
 * Staff of the item's (the case's) tenant only here; the agent role and the station are case-service's to check.
 */
@Controller
public class StationGraph {

    private final StationApi stations;

    public StationGraph(StationApi stations) {
        this.stations = stations;
    }

    public record RecordStationSubmissionPayload(Receipt receipt) {}

    public record ClaimStationCaseInput(String caseNumber, String idNumber) {}

    public record ClaimStationCasePayload(StationApi.ClaimedCase claimed) {}

    /** The applicant claims a case a station recorded for them into their account (T3): citizens only. */
    @MutationMapping
    public Mono<ClaimStationCasePayload> claimStationCase(@Argument ClaimStationCaseInput input, @AuthenticationPrincipal Jwt jwt) {
        if (Callers.require(jwt).realm() != cn.zwy.common.security.Realm.CITIZEN) {
            throw ApiException.forbidden("由申请人本人（公众账号）认领代办点受理的办件");
        }
        return stations.claim(new StationApi.ClaimRequest(input.caseNumber(), input.idNumber())).map(ClaimStationCasePayload::new);
    }

    @MutationMapping
    public Mono<RecordStationSubmissionPayload> recordStationSubmission(@Argument StationApi.StationSubmission input,
                                                                         @AuthenticationPrincipal Jwt jwt) {
        Ids.Scoped item = Ids.scoped("itemId", input.itemId());
        Caller caller = Callers.require(jwt);
        if (!caller.actsFor(item.tenantCode())) {
            throw ApiException.forbidden("只有本中心（" + item.tenantCode() + "）的代办员可以在代办点代为收件（T3）");
        }
        return stations.submit(input).map(RecordStationSubmissionPayload::new);
    }

    @QueryMapping
    public Mono<Connection<CitizenMessage>> stationMessages(@Argument String tenantCode, @Argument String siteCode, @Argument Integer first,
                                                           @Argument String after, @AuthenticationPrincipal Jwt jwt) {
        if (!Callers.require(jwt).actsFor(tenantCode)) throw ApiException.forbidden("只能查看本中心代办点的办件消息");
        if (first != null && (first < 1 || first > CaseApi.MAX_FIRST)) {
            throw ApiException.validation("first", "first 应在 1 到 " + CaseApi.MAX_FIRST + " 之间");
        }
        return stations.messages(tenantCode, siteCode, first, after).map(p -> Connection.of(p, after));
    }
}
