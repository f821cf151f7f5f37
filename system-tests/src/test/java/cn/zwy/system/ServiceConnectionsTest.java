package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.system.PlatformUnderTest.Service;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The services keep the gateway's connections (ADR 0042): Tomcat's default closed a connection after its 100th request,
 * so one call from the gateway in a hundred waited for a new connection, which showed in the search's p99
 * (docs/benchmarks/search.md). The gateway renews its connections itself, once a minute.
 */
@ExtendWith(PlatformUnderTest.class)
class ServiceConnectionsTest {

    private static final int REQUESTS = 250;

    @Test
    void everyServiceAnswers250RequestsOnOneConnection() throws Exception {
        for (Service s : new Service[] {Service.TENANT, Service.CASE, Service.SEARCH}) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), s.port)) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                for (int i = 1; i <= REQUESTS; i++) {
                    out.write(("GET /api/tenants/441825/hall HTTP/1.1\r\nHost: 127.0.0.1:" + s.port + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    String head = readResponse(in);
                    assertThat(head).as("%s, answer %d", s.module, i).startsWith("HTTP/1.1 ")
                            .doesNotContainIgnoringCase("connection: close");
                }
            }
        }
    }

    /** Reads one response (its body by Content-Length or chunks) and returns its status line and headers. */
    private static String readResponse(InputStream in) throws IOException {
        String head = readUntil(in, "\r\n\r\n");
        String lower = head.toLowerCase(Locale.ROOT);
        int length = lower.indexOf("\r\ncontent-length:");
        if (length >= 0) {
            int end = lower.indexOf("\r\n", length + 2);
            in.readNBytes(Integer.parseInt(head.substring(length + 17, end).strip()));
        } else if (lower.contains("\r\ntransfer-encoding: chunked")) {
            while (true) {
                int size = Integer.parseInt(readUntil(in, "\r\n").strip().split(";")[0], 16);
                in.readNBytes(size + 2);
                if (size == 0) break;
            }
        }
        return head;
    }

    private static String readUntil(InputStream in, String end) throws IOException {
        StringBuilder b = new StringBuilder();
        while (b.length() < end.length() || b.lastIndexOf(end) != b.length() - end.length()) {
            int c = in.read();
            if (c < 0) throw new IOException("the service closed the connection after: " + b);
            b.append((char) c);
        }
        return b.toString();
    }
}
