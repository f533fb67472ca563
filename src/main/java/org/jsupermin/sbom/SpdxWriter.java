package org.jsupermin.sbom;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedSet;
import org.jsupermin.util.Digests;

/**
 * Writes an {@link SbomDocument} as SPDX 2.3 JSON: one package per appliance package with its
 * PURL as an external reference, the document DESCRIBES each requested package (or, when there is
 * none, a package standing for the appliance itself), DEPENDS_ON the
 * edges of the resolution, and the text of every {@code LicenseRef-}. The document namespace is
 * derived from the SHA-256 of the rest of the document, so the same content gives the same bytes.
 */
public final class SpdxWriter {

    /** Where document namespaces live, as the SPDX specification suggests for tools. */
    static final String NAMESPACE_PREFIX = "https://spdx.org/spdxdocs/jsupermin/";

    private SpdxWriter() {
    }

    /** Writes the document to {@code out} (left open). */
    public static void write(SbomDocument doc, OutputStream out) throws IOException {
        ByteArrayOutputStream draft = new ByteArrayOutputStream();
        write(doc, "", draft);
        byte[] digest = Digests.sha256().digest(draft.toByteArray());
        String namespace = NAMESPACE_PREFIX + ExtractedLicenses.sanitize(doc.name()) + "-" + HexFormat.of().formatHex(digest);
        write(doc, namespace, out);
    }

    private static void write(SbomDocument doc, String namespace, OutputStream out) throws IOException {
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.writeStartObject();
            g.writeStringField("spdxVersion", "SPDX-2.3");
            g.writeStringField("dataLicense", "CC0-1.0");
            g.writeStringField("SPDXID", "SPDXRef-DOCUMENT");
            g.writeStringField("name", doc.name());
            g.writeStringField("documentNamespace", namespace);
            g.writeObjectFieldStart("creationInfo");
            g.writeStringField("created", JsonOutput.time(doc.created()));
            g.writeArrayFieldStart("creators");
            g.writeString("Tool: " + doc.tool());
            g.writeEndArray();
            g.writeStringField("licenseListVersion", SpdxLicenseList.VERSION.replaceFirst("^(\\d+\\.\\d+).*", "$1"));
            g.writeEndObject();
            boolean requested = false;
            for (SbomPackage p : doc.packages()) {
                requested |= p.requested();
            }
            g.writeArrayFieldStart("packages");
            if (!requested) {
                // an appliance of hostfiles and base images only: SPDX wants the document to describe something
                writeAppliance(g, doc.name());
            }
            for (SbomPackage p : doc.packages()) {
                writePackage(g, p);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("relationships");
            if (!requested) {
                relationship(g, "SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-Appliance");
            }
            for (SbomPackage p : doc.packages()) {
                if (p.requested()) {
                    relationship(g, "SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-" + p.ref());
                }
            }
            for (Map.Entry<String, SortedSet<String>> e : doc.dependsOn().entrySet()) {
                for (String to : e.getValue()) {
                    relationship(g, "SPDXRef-" + e.getKey(), "DEPENDS_ON", "SPDXRef-" + to);
                }
            }
            g.writeEndArray();
            if (!doc.extractedLicenses().isEmpty()) {
                g.writeArrayFieldStart("hasExtractedLicensingInfos");
                for (ExtractedLicense l : doc.extractedLicenses()) {
                    g.writeStartObject();
                    g.writeStringField("licenseId", l.id());
                    g.writeStringField("name", l.name());
                    g.writeStringField("extractedText", l.text());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writePackage(JsonGenerator g, SbomPackage p) throws IOException {
        g.writeStartObject();
        g.writeStringField("SPDXID", "SPDXRef-" + p.ref());
        g.writeStringField("name", p.name());
        g.writeStringField("versionInfo", p.version());
        g.writeStringField("supplier", p.supplier().spdx());
        g.writeStringField("downloadLocation", "NOASSERTION");
        g.writeBooleanField("filesAnalyzed", false);
        if (!p.checksums().isEmpty()) {
            g.writeArrayFieldStart("checksums");
            for (Map.Entry<String, String> c : p.checksums().entrySet()) {
                g.writeStartObject();
                g.writeStringField("algorithm", c.getKey());
                g.writeStringField("checksumValue", c.getValue());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (isUrl(p.homepage())) {
            g.writeStringField("homepage", p.homepage());
        }
        g.writeStringField("licenseConcluded", "NOASSERTION");
        g.writeStringField("licenseDeclared", p.license());
        g.writeStringField("copyrightText", "NOASSERTION");
        g.writeArrayFieldStart("externalRefs");
        g.writeStartObject();
        g.writeStringField("referenceCategory", "PACKAGE-MANAGER");
        g.writeStringField("referenceType", "purl");
        g.writeStringField("referenceLocator", p.purl().toString());
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeAppliance(JsonGenerator g, String name) throws IOException {
        g.writeStartObject();
        g.writeStringField("SPDXID", "SPDXRef-Appliance");
        g.writeStringField("name", name);
        g.writeStringField("downloadLocation", "NOASSERTION");
        g.writeBooleanField("filesAnalyzed", false);
        g.writeStringField("licenseConcluded", "NOASSERTION");
        g.writeStringField("licenseDeclared", "NOASSERTION");
        g.writeStringField("copyrightText", "NOASSERTION");
        g.writeEndObject();
    }

    private static void relationship(JsonGenerator g, String from, String type, String to) throws IOException {
        g.writeStartObject();
        g.writeStringField("spdxElementId", from);
        g.writeStringField("relationshipType", type);
        g.writeStringField("relatedSpdxElement", to);
        g.writeEndObject();
    }

    /** An http(s) URL without white space: anything else is left out rather than made invalid. */
    static boolean isUrl(String s) {
        if (s == null || !(s.startsWith("http://") || s.startsWith("https://"))) {
            return false;
        }
        try {
            java.net.URI uri = new java.net.URI(s);
            return uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
