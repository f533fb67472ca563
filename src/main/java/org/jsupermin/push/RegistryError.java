package org.jsupermin.push;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

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
        JsonNode first = first(body);
        String code = text(first, "code");
        if (code != null) {
            s.append(' ').append(code);
            String message = text(first, "message");
            if (message != null && !message.isEmpty()) {
                s.append(" (").append(oneLine(message)).append(')');
            }
        }
        return s.toString();
    }

    /** The text of field {@code name} of the first error ({@code BLOB_UNKNOWN} for "code"), or null. */
    private static String text(JsonNode first, String name) {
        return first != null && first.path(name).isTextual() ? first.get(name).asText() : null;
    }

    private static JsonNode first(byte[] body) {
        if (body == null || body.length == 0 || body.length > 1 << 20) {
            return null;
        }
        try {
            JsonNode errors = Json.MAPPER.readTree(new String(body, StandardCharsets.UTF_8)).path("errors");
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
