package cn.zwy.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whose address a request is counted for behind an ingress (issue 9: the rate limit must not count the ingress). */
class ForwardedClientsTest {

    private static final InetSocketAddress INGRESS = new InetSocketAddress("10.0.3.7", 41000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("198.51.100.20", 41000);

    private static String host(InetSocketAddress a) { return a.getAddress().getHostAddress(); }

    @Test
    void aTrustedProxysForwardedClientIsCounted() {
        ForwardedClients f = new ForwardedClients(List.of("10.0.0.0/8"));
        assertThat(host(f.client(INGRESS, "203.0.113.7"))).isEqualTo("203.0.113.7");
        // the client's own header stands left of what the ingress appended: never believed
        assertThat(host(f.client(INGRESS, "1.2.3.4, 203.0.113.7"))).isEqualTo("203.0.113.7");
        // a chain of trusted proxies is walked through to the first untrusted hop from the right
        assertThat(host(f.client(INGRESS, "203.0.113.7, 10.1.2.3"))).isEqualTo("203.0.113.7");
        assertThat(host(f.client(INGRESS, "2001:db8::1"))).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void anyoneElsesHeaderIsIgnored() {
        ForwardedClients f = new ForwardedClients(List.of("10.0.0.0/8"));
        assertThat(f.client(STRANGER, "203.0.113.7")).isSameAs(STRANGER);
        ForwardedClients none = new ForwardedClients(List.of());
        assertThat(none.client(INGRESS, "203.0.113.7")).isSameAs(INGRESS);
    }

    @Test
    void malformedHopsAndHostNamesAreNeverBelievedOrResolved() {
        ForwardedClients f = new ForwardedClients(List.of("10.0.3.7"));
        assertThat(f.client(INGRESS, "evil.example.com")).isSameAs(INGRESS);
        assertThat(f.client(INGRESS, "999.1.1.1")).isSameAs(INGRESS);
        assertThat(f.client(INGRESS, "203.0.113.7, unknown")).isSameAs(INGRESS);
        assertThat(f.client(INGRESS, null)).isSameAs(INGRESS);
    }

    @Test
    void aBadTrustedProxySettingStopsStartUp() {
        assertThatThrownBy(() -> new ForwardedClients(List.of("proxy.internal"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ForwardedClients(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
    }
}
