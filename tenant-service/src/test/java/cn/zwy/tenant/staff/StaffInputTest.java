package cn.zwy.tenant.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zwy.common.error.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Input rules of staff administration (T7), without a database or Keycloak. */
class StaffInputTest {

    private static void refused(Runnable r, String field) {
        assertThatThrownBy(r::run).isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).field()).isEqualTo(field);
    }

    @Test
    void usernameIsTenantCodeDotLogin_T7() {
        assertThat(StaffService.username("441825", " 441825.wangfang ")).isEqualTo("441825.wangfang");
        refused(() -> StaffService.username("441825", "440781.wangfang"), "username");
        refused(() -> StaffService.username("441825", "441825.WangFang"), "username");
        refused(() -> StaffService.username("441825", "441825.x"), "username");
        refused(() -> StaffService.username("441825", "wangfang"), "username");
    }

    @Test
    void onlyTenantRolesMayBeGiven_T7() {
        assertThat(StaffService.roles(List.of("window_lead", "clerk", "clerk"))).containsExactly("clerk", "window_lead");
        refused(() -> StaffService.roles(List.of("clerk", "provincial_admin")), "roles");
        refused(() -> StaffService.roles(List.of("platform_operator")), "roles");
        refused(() -> StaffService.roles(List.of()), "roles");
    }

    @Test
    void namesAreChinese() {
        assertThat(StaffService.chineseName("familyName", " 欧阳 ", "姓")).isEqualTo("欧阳");
        assertThat(StaffService.chineseName("givenName", "阿依古丽·买买提", "名")).isEqualTo("阿依古丽·买买提");
        refused(() -> StaffService.chineseName("familyName", "Wang", "姓"), "familyName");
        refused(() -> StaffService.chineseName("givenName", "", "名"), "givenName");
    }

    @Test
    void cursorRoundTrips() {
        assertThat(StaffService.decodeCursor(StaffService.encodeCursor("441825.wangfang"))).isEqualTo("441825.wangfang");
        refused(() -> StaffService.decodeCursor("bm9wZQ"), "after");
    }
}
