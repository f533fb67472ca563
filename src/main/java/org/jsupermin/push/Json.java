package org.jsupermin.push;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The Jackson mapper every JSON document of a push is read and written with (thread-safe once made). */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
