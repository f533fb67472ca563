package org.jsupermin.sbom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** The formats an SBOM is written in: the value of {@code --sbom-format}. */
public enum SbomFormat {

    /** SPDX 2.3 JSON, the format apko emits. */
    SPDX("spdx", "application/spdx+json", "sbom.spdx.json"),
    /** CycloneDX 1.6 JSON. */
    CYCLONEDX("cyclonedx", "application/vnd.cyclonedx+json", "sbom.cdx.json");

    private final String optionValue;
    private final String mediaType;
    private final String fileName;

    SbomFormat(String optionValue, String mediaType, String fileName) {
        this.optionValue = optionValue;
        this.mediaType = mediaType;
        this.fileName = fileName;
    }

    /** "spdx", "cyclonedx". */
    public String optionValue() {
        return optionValue;
    }

    /** The document's media type, as an OCI artifact or referrer declares it. */
    public String mediaType() {
        return mediaType;
    }

    /** A conventional file name for the document ("sbom.spdx.json"). */
    public String fileName() {
        return fileName;
    }

    /** The format named {@code value} ("spdx", "cyclonedx", any case), or null. */
    public static SbomFormat named(String value) {
        for (SbomFormat f : values()) {
            if (f.optionValue.equalsIgnoreCase(value)) {
                return f;
            }
        }
        return null;
    }

    /** Writes {@code doc} in this format to {@code out} (left open). */
    public void write(SbomDocument doc, OutputStream out) throws IOException {
        if (this == SPDX) {
            SpdxWriter.write(doc, out);
        } else {
            CycloneDxWriter.write(doc, out);
        }
    }

    /** The document's bytes in this format. */
    public byte[] bytes(SbomDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(doc, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
