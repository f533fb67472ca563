package org.jsupermin.push;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The reason a registry gives for a refusal: its status and the first error code and message of the body. */
final class RegistryError {

    private RegistryError() {
    }

    /** {@code HTTP 401 UNAUTHORIZED (authentication required)}, or {@code HTTP 502} when the body says nothing. */
    static String describe(HttpResponse<byte[]> response) {
        return describe(response.statusCode(), response.body());
    }

    /** The same from a status and a body. */
    static String describe(int status, byte[] body) {
        StringBuilder s = new StringBuilder("HTTP ").append(status);
        String code = code(body);
        if (code != null) {
            s.append(' ').append(code);
            String message = message(body);
            if (message != null && !message.isEmpty()) {
                s.append(" (").append(oneLine(message)).append(')');
            }
        }
        return s.toString();
    }

    /** The first error code of an error body ({@code BLOB_UNKNOWN}), or null. */
    static String code(byte[] body) {
        JsonNode first = first(body);
        return first != null && first.path("code").isTextual() ? first.get("code").asText() : null;
    }

    private static String message(byte[] body) {
        JsonNode first = first(body);
        return first != null && first.path("message").isTextual() ? first.get("message").asText() : null;
    }

    private static JsonNode first(byte[] body) {
        if (body == null || body.length == 0 || body.length > 1 << 20) {
            return null;
        }
        try {
            JsonNode errors = new ObjectMapper().readTree(new String(body, StandardCharsets.UTF_8)).path("errors");
            return errors.isArray() && errors.size() > 0 ? errors.get(0) : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String oneLine(String text) {
        String s = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
