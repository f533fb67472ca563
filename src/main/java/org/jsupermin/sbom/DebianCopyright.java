package org.jsupermin.sbom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Debian {@code copyright} file as the machine-readable format (DEP-5, "copyright-format 1.0")
 * describes it: a header paragraph with {@code Format:}, {@code Files:} paragraphs each with a
 * {@code License:} field whose first line is a short name expression ("GPL-2+ or Artistic") and
 * whose other lines may hold the text, and stand-alone {@code License:} paragraphs giving the text
 * of a short name.
 *
 * @param machineReadable whether the header has a {@code Format:} field (or the draft format's
 *     {@code Format-Specification:})
 * @param headerLicense the header's own {@code License:} short name expression, or ""
 * @param filesLicenses the short name expression of each {@code Files:} paragraph, in file order
 * @param texts license texts by short name as written (stand-alone paragraphs first, else the
 *     first {@code Files:} paragraph that gives one); sorted
 */
public record DebianCopyright(boolean machineReadable, String headerLicense, List<String> filesLicenses,
                              SortedMap<String, String> texts) {

    public DebianCopyright {
        filesLicenses = List.copyOf(filesLicenses);
        texts = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(texts));
    }

    /** Parses a copyright file's text; never fails (a free-form file is not machine-readable). */
    public static DebianCopyright parse(String text) {
        List<SortedMap<String, String>> paragraphs = paragraphs(text);
        if (paragraphs.isEmpty() || !(paragraphs.get(0).containsKey("format")
                || paragraphs.get(0).containsKey("format-specification"))) {
            return new DebianCopyright(false, "", List.of(), new TreeMap<>());
        }
        String header = firstLine(paragraphs.get(0).getOrDefault("license", ""));
        List<String> files = new ArrayList<>();
        SortedMap<String, String> standalone = new TreeMap<>();
        SortedMap<String, String> inline = new TreeMap<>();
        for (int i = 1; i < paragraphs.size(); i++) {
            SortedMap<String, String> p = paragraphs.get(i);
            String license = p.get("license");
            if (license == null) {
                continue;
            }
            String shortName = firstLine(license);
            String body = rest(license);
            if (p.containsKey("files")) {
                if (!shortName.isEmpty()) {
                    files.add(shortName);
                }
                if (!body.isEmpty() && !shortName.isEmpty()) {
                    inline.putIfAbsent(shortName, body);
                }
            } else if (!shortName.isEmpty() && !body.isEmpty()) {
                standalone.putIfAbsent(shortName, body);
            }
        }
        SortedMap<String, String> texts = new TreeMap<>(inline);
        texts.putAll(standalone);
        return new DebianCopyright(true, header, files, texts);
    }

    /**
     * The paragraphs of a deb822 text: field names lowercased, continuation lines joined with
     * "\n" (their leading space removed, a lone "." an empty line); "#" comment lines skipped.
     */
    static List<SortedMap<String, String>> paragraphs(String text) {
        List<SortedMap<String, String>> paragraphs = new ArrayList<>();
        SortedMap<String, String> current = new TreeMap<>();
        String field = null;
        StringBuilder value = new StringBuilder();
        for (String raw : text.split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.isBlank()) {
                if (field != null) {
                    current.putIfAbsent(field, value.toString());
                    field = null;
                }
                if (!current.isEmpty()) {
                    paragraphs.add(current);
                    current = new TreeMap<>();
                }
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (field != null) {
                    String cont = line.substring(1);
                    value.append('\n').append(cont.trim().equals(".") ? "" : cont);
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            if (field != null) {
                current.putIfAbsent(field, value.toString());
            }
            field = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            value.setLength(0);
            value.append(line.substring(colon + 1).trim());
        }
        if (field != null) {
            current.putIfAbsent(field, value.toString());
        }
        if (!current.isEmpty()) {
            paragraphs.add(current);
        }
        return paragraphs;
    }

    private static String firstLine(String value) {
        int nl = value.indexOf('\n');
        return (nl < 0 ? value : value.substring(0, nl)).trim();
    }

    private static String rest(String value) {
        int nl = value.indexOf('\n');
        return nl < 0 ? "" : value.substring(nl + 1).strip();
    }
}
