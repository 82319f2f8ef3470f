package jp.kodoku.platform.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests written byte for byte on a socket, for what an HTTP client library refuses to send (a raw {@code [} in a
 * query, UTF-8 in a header value). HTTP/1.0, so the answer is not chunked and ends when the server closes.
 */
public final class RawHttp {

    private RawHttp() {
    }

    public static Api.Response send(int port, String method, String target, Map<String, String> headers, String body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.0\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Api.Response parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = (end < 0 ? text : text.substring(0, end)).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip(), List.of(lines[i].substring(colon + 1).strip()));
        }
        return new Api.Response(status, headers, end < 0 ? "" : text.substring(end + 4));
    }
}
