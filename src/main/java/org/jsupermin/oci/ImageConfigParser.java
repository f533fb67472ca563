package org.jsupermin.oci;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Builds an {@link ImageConfig} from the image options' values ({@code "--cmd"} → values, as the
 * format context holds them). Every bad value is refused in one line naming the option, the
 * value and what would do.
 */
public final class ImageConfigParser {

    /** The options this parser reads, by long name. */
    public static final List<String> OPTIONS = List.of("--cmd", "--entrypoint", "--env", "--expose", "--label",
            "--stop-signal", "--user", "--volume", "--workdir");

    private static final Pattern ENV_KEY = Pattern.compile("[^=\\s\\x00]+");
    private static final Pattern PORT = Pattern.compile("([0-9]{1,5})(?:/(tcp|udp|sctp))?");
    private static final Pattern USER = Pattern.compile("[^:\\s\\x00]+(?::[^:\\s\\x00]+)?");
    private static final Set<String> SIGNALS = Set.of("HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "IOT", "BUS",
            "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP",
            "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "POLL", "PWR", "SYS");
    private static final Pattern REALTIME = Pattern.compile("RTMIN(?:\\+([0-9]{1,2}))?|RTMAX(?:-([0-9]{1,2}))?");

    private ImageConfigParser() {
    }

    /**
     * The configuration the options ask for. Single-valued options take their last value, as a
     * Dockerfile's last {@code CMD} wins; {@code --env} and {@code --label} replace an earlier
     * value of the same key.
     *
     * @throws OciException naming the option and value when a value is not valid
     */
    public static ImageConfig parse(Map<String, List<String>> options, Platform platform, long created)
            throws OciException {
        List<String> entrypoint = command(options, "--entrypoint");
        List<String> cmd = command(options, "--cmd");
        return new ImageConfig(platform, created, entrypoint, cmd, env(options), workdir(options), user(options),
                volumes(options), ports(options), labels(options), stopSignal(options));
    }

    private static List<String> values(Map<String, List<String>> options, String name) {
        List<String> v = options.get(name);
        return v == null ? List.of() : v;
    }

    private static String last(Map<String, List<String>> options, String name) {
        List<String> v = values(options, name);
        return v.isEmpty() ? null : v.get(v.size() - 1);
    }

    /** A JSON array of strings (exec form) or shell words; null when the option is not given. */
    static List<String> command(Map<String, List<String>> options, String name) throws OciException {
        String value = last(options, name);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.startsWith("[")) {
            return jsonArray(name, value);
        }
        try {
            return ShellWords.split(value);
        } catch (IllegalArgumentException e) {
            throw bad(name, value, e.getMessage() + "; quote it as a shell would, or give a JSON array such as"
                    + " '[\"/bin/sh\", \"-c\", \"echo hi\"]'");
        }
    }

    private static List<String> jsonArray(String name, String value) throws OciException {
        JsonNode node;
        try {
            node = new ObjectMapper().readTree(value);
        } catch (IOException e) {
            throw bad(name, value, "it starts like a JSON array but is not valid JSON; give a JSON array of strings"
                    + " or shell words");
        }
        if (node == null || !node.isArray()) {
            throw bad(name, value, "give a JSON array of strings or shell words");
        }
        List<String> words = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                throw bad(name, value, "the JSON array holds " + n + ", not a string; quote every item");
            }
            words.add(n.textValue());
        }
        return words;
    }

    private static List<String> env(Map<String, List<String>> options) throws OciException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", ImageConfig.DEFAULT_PATH);
        for (String item : values(options, "--env")) {
            int eq = item.indexOf('=');
            if (eq <= 0 || !ENV_KEY.matcher(item.substring(0, eq)).matches()) {
                throw bad("--env", item, "give KEY=VALUE (the value may be empty)");
            }
            env.put(item.substring(0, eq), item.substring(eq + 1));
        }
        List<String> list = new ArrayList<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            list.add(e.getKey() + "=" + e.getValue());
        }
        return list;
    }

    private static String workdir(Map<String, List<String>> options) throws OciException {
        String v = last(options, "--workdir");
        if (v != null && (!v.startsWith("/") || v.indexOf('\0') >= 0)) {
            throw bad("--workdir", v, "give an absolute path such as /srv/app");
        }
        return v;
    }

    private static String user(Map<String, List<String>> options) throws OciException {
        String v = last(options, "--user");
        if (v != null && !USER.matcher(v).matches()) {
            throw bad("--user", v, "give USER, UID, USER:GROUP or UID:GID");
        }
        return v;
    }

    private static TreeSet<String> volumes(Map<String, List<String>> options) throws OciException {
        TreeSet<String> volumes = new TreeSet<>();
        for (String v : values(options, "--volume")) {
            if (!v.startsWith("/") || v.indexOf('\0') >= 0) {
                throw bad("--volume", v, "give the absolute path of a mount point such as /data");
            }
            volumes.add(v);
        }
        return volumes;
    }

    private static TreeSet<String> ports(Map<String, List<String>> options) throws OciException {
        TreeSet<String> ports = new TreeSet<>();
        for (String v : values(options, "--expose")) {
            var m = PORT.matcher(v.toLowerCase(Locale.ROOT));
            int port = m.matches() ? Integer.parseInt(m.group(1)) : 0;
            if (port < 1 || port > 65535) {
                throw bad("--expose", v, "give PORT or PORT/PROTO with a port from 1 to 65535 and tcp, udp or sctp");
            }
            ports.add(port + "/" + (m.group(2) == null ? "tcp" : m.group(2)));
        }
        return ports;
    }

    private static SortedMap<String, String> labels(Map<String, List<String>> options) throws OciException {
        SortedMap<String, String> labels = new TreeMap<>();
        for (String item : values(options, "--label")) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw bad("--label", item, "give KEY=VALUE such as org.opencontainers.image.title=base");
            }
            labels.put(item.substring(0, eq), item.substring(eq + 1));
        }
        return labels;
    }

    /** The signal as "SIGNAME" (or its number), as Docker writes it. */
    private static String stopSignal(Map<String, List<String>> options) throws OciException {
        String v = last(options, "--stop-signal");
        if (v == null) {
            return null;
        }
        String s = v.strip().toUpperCase(Locale.ROOT);
        if (s.matches("[0-9]{1,2}")) {
            int n = Integer.parseInt(s);
            if (n >= 1 && n <= 64) {
                return Integer.toString(n);
            }
        } else {
            String name = s.startsWith("SIG") ? s.substring(3) : s;
            var rt = REALTIME.matcher(name);
            if (SIGNALS.contains(name) || rt.matches() && offsetOk(rt.group(1)) && offsetOk(rt.group(2))) {
                return "SIG" + name;
            }
        }
        throw bad("--stop-signal", v, "give a signal name such as SIGTERM or SIGQUIT, or its number");
    }

    private static boolean offsetOk(String offset) {
        return offset == null || Integer.parseInt(offset) <= 30;
    }

    private static OciException bad(String option, String value, String what) {
        return new OciException(option + " '" + value + "' is not valid: " + what);
    }
}
