package cn.zwy.system;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A bare Redis connection speaking RESP, as an attacker on the network would use it (no client
 * library that authenticates or retries on its own). Replies come back as text: {@code +OK},
 * {@code -NOAUTH ...}, a bulk string's content, or an array's elements joined by newlines.
 */
final class RedisProbe implements AutoCloseable {

    static final String HOST = System.getenv().getOrDefault("ZWY_REDIS_HOST", "127.0.0.1");
    static final int PORT = Integer.parseInt(System.getenv().getOrDefault("ZWY_REDIS_PORT", "6379"));

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RedisProbe() throws IOException {
        socket = new Socket(HOST, PORT);
        socket.setSoTimeout(5000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Connected as the test code's own Redis user (ZWY_REDIS_USER/ZWY_REDIS_PASSWORD), when the run has one. */
    static RedisProbe asTestUser() throws IOException {
        RedisProbe r = new RedisProbe();
        String password = System.getenv("ZWY_REDIS_PASSWORD");
        if (password != null && !password.isBlank()) {
            String reply = r.call("AUTH", System.getenv().getOrDefault("ZWY_REDIS_USER", "default"), password);
            if (!reply.equals("+OK")) throw new IllegalStateException("AUTH as the test user failed: " + reply);
        }
        return r;
    }

    String call(String... args) throws IOException {
        ByteArrayOutputStream cmd = new ByteArrayOutputStream();
        cmd.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (String a : args) {
            byte[] b = a.getBytes(StandardCharsets.UTF_8);
            cmd.writeBytes(("$" + b.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            cmd.writeBytes(b);
            cmd.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(cmd.toByteArray());
        out.flush();
        return reply();
    }

    private String reply() throws IOException {
        String line = line();
        switch (line.charAt(0)) {
            case '$' -> {
                int n = Integer.parseInt(line.substring(1));
                if (n < 0) return "(nil)";
                byte[] b = in.readNBytes(n + 2);
                return new String(b, 0, n, StandardCharsets.UTF_8);
            }
            case '*' -> {
                int n = Integer.parseInt(line.substring(1));
                List<String> items = new ArrayList<>();
                for (int i = 0; i < n; i++) items.add(reply());
                return String.join("\n", items);
            }
            default -> {
                return line;
            }
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) throw new IOException("connection closed");
            b.write(c);
        }
        in.read(); // \n
        return b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
