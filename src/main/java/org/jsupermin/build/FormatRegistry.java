package org.jsupermin.build;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jsupermin.format.ChrootFormat;
import org.jsupermin.format.Ext2Format;
import org.jsupermin.format.OutputFormat;
import org.jsupermin.format.TarFormat;
import org.jsupermin.oci.OciFormat;

/**
 * The output formats a build can write, by {@code -f} name. {@link #standard()} lists jsupermin's
 * own, one line each: a new format is its class plus one line there. The command line's
 * {@code -f} check, help, completion and "applies to -f … only" warnings, and the build's
 * dispatch, all read a registry.
 */
public final class FormatRegistry {

    private static final FormatRegistry STANDARD = new FormatRegistry(List.of(
            new ChrootFormat(),
            new Ext2Format(),
            new TarFormat(),
            new OciFormat()));

    private final SortedMap<String, OutputFormat> formats;

    private FormatRegistry(List<OutputFormat> formats) {
        SortedMap<String, OutputFormat> byName = new TreeMap<>();
        for (OutputFormat f : formats) {
            if (byName.put(f.name(), f) != null) {
                throw new IllegalArgumentException("two formats are named " + f.name());
            }
        }
        this.formats = Collections.unmodifiableSortedMap(byName);
    }

    /** jsupermin's formats. */
    public static FormatRegistry standard() {
        return STANDARD;
    }

    /** This registry and {@code format} (a test's own format, a plug-in). */
    public FormatRegistry with(OutputFormat format) {
        List<OutputFormat> all = new ArrayList<>(formats.values());
        all.add(format);
        return new FormatRegistry(all);
    }

    /** The format named {@code name}, or null. */
    public OutputFormat find(String name) {
        return name == null ? null : formats.get(name);
    }

    /** Every format, by name. */
    public List<OutputFormat> formats() {
        return List.copyOf(formats.values());
    }

    /** The names, sorted. */
    public List<String> names() {
        return List.copyOf(formats.keySet());
    }

    /** The names as the help shows {@code -f}'s value: "chroot|ext2|tar". */
    public String label() {
        return String.join("|", formats.keySet());
    }

    /** The names as a sentence offers them: "-f chroot, -f ext2 or -f tar". */
    public String choices() {
        return choices(names());
    }

    /** {@code names} as a sentence offers them: "-f a", "-f a or -f b", "-f a, -f b or -f c". */
    public static String choices(List<String> names) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            b.append(i == 0 ? "" : i == names.size() - 1 ? " or " : ", ").append("-f ").append(names.get(i));
        }
        return b.toString();
    }

    /** The names of the formats that take the option {@code longName}, sorted. */
    public List<String> formatsTaking(String longName) {
        List<String> names = new ArrayList<>();
        for (OutputFormat f : formats.values()) {
            if (f.optionNames().contains(longName)) {
                names.add(f.name());
            }
        }
        return names;
    }

    /** The names of the formats that can write to standard output, sorted. */
    public List<String> streamingFormats() {
        List<String> names = new ArrayList<>();
        for (OutputFormat f : formats.values()) {
            if (f.streams()) {
                names.add(f.name());
            }
        }
        return names;
    }
}
