package org.jsupermin.sbom;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.UUID;

/**
 * Writes an {@link SbomDocument} as CycloneDX 1.6 JSON: the appliance as the metadata component,
 * one library component per package (its PURL as bom-ref), licenses as SPDX expressions, and the
 * dependency graph (the appliance depends on the requested packages). The serial number is a
 * name-based UUID of the rest of the document, so the same content gives the same bytes.
 */
public final class CycloneDxWriter {

    private static final String[][] HASH_NAMES = {
        {"MD5", "MD5"}, {"SHA1", "SHA-1"}, {"SHA256", "SHA-256"}, {"SHA384", "SHA-384"}, {"SHA512", "SHA-512"},
        {"SHA3-256", "SHA3-256"}, {"SHA3-384", "SHA3-384"}, {"SHA3-512", "SHA3-512"},
        {"BLAKE2b-256", "BLAKE2b-256"}, {"BLAKE2b-384", "BLAKE2b-384"}, {"BLAKE2b-512", "BLAKE2b-512"},
        {"BLAKE3", "BLAKE3"},
    };

    private CycloneDxWriter() {
    }

    /** Writes the document to {@code out} (left open). */
    public static void write(SbomDocument doc, OutputStream out) throws IOException {
        ByteArrayOutputStream draft = new ByteArrayOutputStream();
        write(doc, "", draft);
        UUID uuid = UUID.nameUUIDFromBytes(draft.toByteArray());
        write(doc, "urn:uuid:" + uuid, out);
    }

    private static void write(SbomDocument doc, String serial, OutputStream out) throws IOException {
        Map<String, String> purls = new HashMap<>();
        for (SbomPackage p : doc.packages()) {
            purls.put(p.ref(), p.purl().toString());
        }
        String rootRef = "appliance:" + doc.name();
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.writeStartObject();
            g.writeStringField("bomFormat", "CycloneDX");
            g.writeStringField("specVersion", "1.6");
            if (!serial.isEmpty()) {
                g.writeStringField("serialNumber", serial);
            }
            g.writeNumberField("version", 1);
            g.writeObjectFieldStart("metadata");
            g.writeStringField("timestamp", JsonOutput.time(doc.created()));
            g.writeObjectFieldStart("tools");
            g.writeArrayFieldStart("components");
            g.writeStartObject();
            g.writeStringField("type", "application");
            int dash = doc.tool().lastIndexOf('-');
            g.writeStringField("name", dash > 0 ? doc.tool().substring(0, dash) : doc.tool());
            JsonOutput.optional(g, "version", dash > 0 ? doc.tool().substring(dash + 1) : "");
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeObjectFieldStart("component");
            g.writeStringField("type", "operating-system");
            g.writeStringField("bom-ref", rootRef);
            g.writeStringField("name", doc.name());
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("components");
            for (SbomPackage p : doc.packages()) {
                writeComponent(g, p);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("dependencies");
            g.writeStartObject();
            g.writeStringField("ref", rootRef);
            g.writeArrayFieldStart("dependsOn");
            for (SbomPackage p : doc.packages()) {
                if (p.requested()) {
                    g.writeString(p.purl().toString());
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            for (Map.Entry<String, SortedSet<String>> e : doc.dependsOn().entrySet()) {
                g.writeStartObject();
                g.writeStringField("ref", purls.get(e.getKey()));
                g.writeArrayFieldStart("dependsOn");
                for (String to : e.getValue()) {
                    g.writeString(purls.get(to));
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writeComponent(JsonGenerator g, SbomPackage p) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "library");
        g.writeStringField("bom-ref", p.purl().toString());
        if (!p.supplier().name().isEmpty()) {
            g.writeObjectFieldStart("supplier");
            g.writeStringField("name", p.supplier().name());
            if (!p.supplier().email().isEmpty()) {
                g.writeArrayFieldStart("contact");
                g.writeStartObject();
                g.writeStringField("email", p.supplier().email());
                g.writeEndObject();
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeStringField("name", p.name());
        g.writeStringField("version", p.version());
        boolean hashes = false;
        for (String[] names : HASH_NAMES) {
            String value = p.checksums().get(names[0]);
            if (value == null) {
                continue;
            }
            if (!hashes) {
                g.writeArrayFieldStart("hashes");
                hashes = true;
            }
            g.writeStartObject();
            g.writeStringField("alg", names[1]);
            g.writeStringField("content", value);
            g.writeEndObject();
        }
        if (hashes) {
            g.writeEndArray();
        }
        if (!p.license().equals(LicenseExpressions.NOASSERTION)) {
            g.writeArrayFieldStart("licenses");
            g.writeStartObject();
            g.writeStringField("expression", p.license());
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeStringField("purl", p.purl().toString());
        if (SpdxWriter.isUrl(p.homepage())) {
            g.writeArrayFieldStart("externalReferences");
            g.writeStartObject();
            g.writeStringField("type", "website");
            g.writeStringField("url", p.homepage());
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeArrayFieldStart("properties");
        g.writeStartObject();
        g.writeStringField("name", "jsupermin:architecture");
        g.writeStringField("value", p.arch());
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }
}
