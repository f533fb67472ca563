package org.jsupermin.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** A registry's refusal in a few words. */
class RegistryErrorTest {

    @Test
    void codeAndMessageOfTheFirstError() {
        byte[] body = ("{\"errors\":[{\"code\":\"DENIED\",\"message\":\"requested access to the resource is denied\"},"
                + "{\"code\":\"OTHER\"}]}").getBytes(StandardCharsets.UTF_8);
        assertEquals("HTTP 403 DENIED (requested access to the resource is denied)", RegistryError.describe(403, body));
    }

    @Test
    void aBodyThatSaysNothingGivesTheStatus() {
        assertEquals("HTTP 502", RegistryError.describe(502, "<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8)));
        assertEquals("HTTP 401", RegistryError.describe(401, new byte[0]));
    }

    @Test
    void aMultiLineMessageBecomesOneLine() {
        byte[] body = "{\"errors\":[{\"code\":\"BLOB_UPLOAD_INVALID\",\"message\":\"a\\nb\"}]}".getBytes(StandardCharsets.UTF_8);
        assertEquals("HTTP 400 BLOB_UPLOAD_INVALID (a b)", RegistryError.describe(400, body));
    }
}
