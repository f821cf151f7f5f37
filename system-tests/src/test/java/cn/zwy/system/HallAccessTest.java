package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.system.PlatformUnderTest.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Who may read and change a hall, enforced at the gateway and again in tenant-service (T2, T7). */
@ExtendWith(PlatformUnderTest.class)
class HallAccessTest {

    private static final String LIANSHAN = "441825";
    private static final String TAISHAN = "440781";
    private static final String LUOSHAN = "411521";

    @Test
    void anyoneSignedOutReadsHallPublicData_A4() {
        JsonNode hall = Halls.hall(LIANSHAN);
        // other tests rename this hall (search tests append a word); the demo name stays its start
        assertThat(hall.get("name").asString()).startsWith("连山县政务服务中心");
        assertThat(hall.get("address").asString()).isEqualTo("连山壮族瑶族自治县吉田镇鹿鸣东路116号");
        assertThat(hall.at("/openingHours/0/periods/0/opens").asString()).isEqualTo("08:30");
        Api.Response tenant = Api.graphql(null, "{ tenant(code: \"411521\") { name status hall { name phone } } }", Map.of());
        assertThat(tenant.data().at("/tenant/hall/name").asString()).isEqualTo("罗山县政务服务中心");
        Api.Response rest = Api.get(Service.TENANT.url() + "/api/tenants/450702/hall", null);
        assertThat(rest.status()).isEqualTo(200);
        assertThat(rest.body().get("name").asString()).isEqualTo("钦南区政务服务中心");
    }

    @Test
    void citizensListATenantsHallsWithTheirStatusNow_A4() {
        Api.Response r = Api.graphql(null, "{ halls(tenantCode: \"411521\") { name openingStatus { openNow opensAt closesAt warnings } } }", Map.of());
        assertThat(r.errors()).as(r.body().toString()).isNull();
        JsonNode first = r.data().at("/halls/0");
        assertThat(first.get("name").asString()).isEqualTo("罗山县政务服务中心");
        // open now, or the time it next opens: either way a concrete instant
        assertThat(first.at("/openingStatus/opensAt").asString()).isNotBlank();
    }

    @Test
    void otherTenantsClerkCannotUpdateHall_T2() {
        JsonNode before = Halls.hall(LIANSHAN);
        String token = Tokens.staff("taishan.clerk");
        Api.Response viaGraphql = Halls.update(token, Map.of("tenantCode", LIANSHAN, "phone", Halls.uniquePhone()));
        assertThat(viaGraphql.errorCode()).isEqualTo("FORBIDDEN");
        // straight to the service with the same token: refused there too
        Api.Response direct = Api.patch(Service.TENANT.url() + "/api/tenants/" + LIANSHAN + "/hall", token,
                Map.of("phone", Halls.uniquePhone()));
        assertThat(direct.status()).isEqualTo(403);
        assertThat(direct.body().get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(Halls.hall(LIANSHAN).get("version").asInt()).isEqualTo(before.get("version").asInt());
    }

    @Test
    void otherTenantsClerkCannotReadHallChanges_T2() {
        String token = Tokens.staff("taishan.clerk");
        assertThat(Api.graphql(token, Halls.CHANGES, Map.of("t", LIANSHAN)).errorCode()).isEqualTo("FORBIDDEN");
        Api.Response direct = Api.get(Service.TENANT.url() + "/api/tenants/" + LIANSHAN + "/hall-changes", token);
        assertThat(direct.status()).isEqualTo(403);
        // its own tenant's record is readable
        assertThat(Api.graphql(token, Halls.CHANGES, Map.of("t", TAISHAN)).errors()).isNull();
    }

    @Test
    void spoofedInternalHeaderGrantsNothing_T2() {
        Api.Response r = Api.graphql(Tokens.staff("taishan.clerk"), Halls.CHANGES, Map.of("t", LIANSHAN),
                Map.of("X-Zwy-Caller-Tenant", LIANSHAN));
        assertThat(r.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void provincialAdminReadsOwnProvinceOnly_T2() {
        String token = Tokens.staff("gd.admin");
        assertThat(Api.graphql(token, Halls.CHANGES, Map.of("t", LIANSHAN)).errors()).isNull();
        assertThat(Api.graphql(token, Halls.CHANGES, Map.of("t", TAISHAN)).errors()).isNull();
        assertThat(Api.graphql(token, Halls.CHANGES, Map.of("t", LUOSHAN)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(Api.get(Service.TENANT.url() + "/api/tenants/" + LUOSHAN + "/hall-changes", token).status()).isEqualTo(403);
    }

    @Test
    void provincialAdminCannotUpdateAnyHall_T2() {
        String token = Tokens.staff("gd.admin");
        assertThat(Halls.update(token, Map.of("tenantCode", LIANSHAN, "phone", Halls.uniquePhone())).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(Api.patch(Service.TENANT.url() + "/api/tenants/" + TAISHAN + "/hall", token,
                Map.of("phone", Halls.uniquePhone())).status()).isEqualTo(403);
    }

    @Test
    void onlyTheCentreAdminUpdatesOwnHall_T7() {
        assertThat(Halls.update(Tokens.staff("lianshan.clerk"), Map.of("tenantCode", LIANSHAN, "phone", Halls.uniquePhone()))
                .errorCode()).isEqualTo("FORBIDDEN");
        assertThat(Halls.update(Tokens.citizen("citizen.li"), Map.of("tenantCode", LIANSHAN, "phone", Halls.uniquePhone()))
                .errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void everyChangeIsRecordedWithWhoWhenBeforeAfter() {
        String oldPhone = Halls.hall(LIANSHAN).get("phone").asString();
        String newPhone = Halls.uniquePhone();
        Api.Response r = Halls.update(Tokens.staff("lianshan.admin"), Map.of("tenantCode", LIANSHAN, "phone", newPhone));
        assertThat(r.errors()).isNull();
        assertThat(r.data().at("/updateHall/hall/phone").asString()).isEqualTo(newPhone);

        for (String reader : List.of("lianshan.clerk", "gd.admin")) {
            Api.Response changes = Api.graphql(Tokens.staff(reader), Halls.CHANGES, Map.of("t", LIANSHAN, "first", 5));
            JsonNode latest = changes.data().at("/hallChanges/edges/0/node");
            assertThat(latest.get("changedBy").asString()).isEqualTo("lianshan.admin");
            assertThat(latest.get("changedFields").toString()).isEqualTo("[\"phone\"]");
            assertThat(latest.at("/before/phone").asString()).isEqualTo(oldPhone);
            assertThat(latest.at("/after/phone").asString()).isEqualTo(newPhone);
            assertThat(latest.get("changedAt").asString()).isNotBlank();
        }
    }

    @Test
    void concurrentEditsOfOneVersionLetExactlyOneWin() throws Exception {
        int version = Halls.hall(LIANSHAN).get("version").asInt();
        String token = Tokens.staff("lianshan.admin");
        List<Api.Response> results = parallel(6, i -> Halls.update(token,
                Map.of("tenantCode", LIANSHAN, "phone", Halls.uniquePhone(), "expectedVersion", version)));
        assertThat(results.stream().filter(r -> r.errors() == null).count()).isEqualTo(1);
        assertThat(results.stream().filter(r -> "CONFLICT".equals(r.errorCode())).count()).isEqualTo(5);
        assertThat(Halls.hall(LIANSHAN).get("version").asInt()).isEqualTo(version + 1);
    }

    @Test
    void concurrentEditsWithoutVersionAreAllKeptAndRecorded() throws Exception {
        String token = Tokens.staff("lianshan.admin");
        int version = Halls.hall(LIANSHAN).get("version").asInt();
        long recorded = Api.graphql(token, Halls.CHANGES, Map.of("t", LIANSHAN)).data().at("/hallChanges/totalCount").asLong();
        List<Api.Response> results = parallel(8, i -> Halls.update(token, Map.of("tenantCode", LIANSHAN, "phone", Halls.uniquePhone())));
        assertThat(results).allSatisfy(r -> assertThat(r.errors()).isNull());
        assertThat(Halls.hall(LIANSHAN).get("version").asInt()).isEqualTo(version + 8);
        assertThat(Api.graphql(token, Halls.CHANGES, Map.of("t", LIANSHAN)).data().at("/hallChanges/totalCount").asLong())
                .isEqualTo(recorded + 8);
    }

    interface Call { Api.Response call(int i); }

    static List<Api.Response> parallel(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit((Callable<Api.Response>) () -> call.call(k)));
            }
            List<Api.Response> out = new ArrayList<>();
            for (Future<Api.Response> f : futures) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
