package coursekit.lab;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Command-line options of a lab ({@code --epochs 30 --out out/x}), checked against the options it knows. */
public final class LabArgs {

    private final String lab;
    private final Map<String, String> values = new LinkedHashMap<>();

    private LabArgs(String lab) {
        this.lab = lab;
    }

    /**
     * Parses {@code --name value} pairs; an unknown option or one without a value stops with a
     * sentence that lists the options {@code lab} knows.
     */
    public static LabArgs parse(String lab, String[] args, Set<String> known) {
        LabArgs parsed = new LabArgs(lab);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw LabException.help("Lab " + lab + " takes --" + String.join(" VALUE, --", new java.util.TreeSet<>(known))
                        + " VALUE (e.g. --epochs 5); README.md and docs/ say what each does and its default.");
            }
            if (!arg.startsWith("--") || !known.contains(arg.substring(2))) {
                throw new LabException("Lab " + lab + " has no option '" + arg + "'; its options are --"
                        + String.join(", --", new java.util.TreeSet<>(known)) + ".");
            }
            if (i + 1 >= args.length) {
                throw new LabException("Option " + arg + " of lab " + lab + " needs a value.");
            }
            parsed.values.put(arg.substring(2), args[++i]);
        }
        return parsed;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public Path path(String name, Path fallback) {
        return values.containsKey(name) ? Path.of(values.get(name)) : fallback;
    }

    public int integer(String name, int fallback) {
        if (!values.containsKey(name)) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(values.get(name));
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new LabException("Option --" + name + " of lab " + lab + " needs a positive whole number, but got '" + values.get(name) + "'.");
        }
    }

    public double decimal(String name, double fallback) {
        if (!values.containsKey(name)) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(values.get(name));
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new LabException("Option --" + name + " of lab " + lab + " needs a positive number, but got '" + values.get(name) + "'.");
        }
    }

    /** A rate in [0, 1), such as a dropout rate. */
    public double rate(String name, double fallback) {
        if (!values.containsKey(name)) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(values.get(name));
            if (!(value >= 0 && value < 1)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new LabException("Option --" + name + " of lab " + lab + " needs a number from 0 up to (not including) 1, but got '"
                    + values.get(name) + "'.");
        }
    }

    /** {@code true} or {@code false}, nothing else. */
    public boolean bool(String name, boolean fallback) {
        if (!values.containsKey(name)) {
            return fallback;
        }
        String value = values.get(name).toLowerCase(java.util.Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new LabException("Option --" + name + " of lab " + lab + " needs true or false, but got '" + values.get(name) + "'.");
        }
        return Boolean.parseBoolean(value);
    }

    /** One of {@code allowed} (compared ignoring case), returned in the spelling of {@code allowed}. */
    public String choice(String name, String fallback, String... allowed) {
        if (!values.containsKey(name)) {
            return fallback;
        }
        String value = values.get(name);
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new LabException("Option --" + name + " of lab " + lab + " is one of " + String.join(", ", allowed) + ", but got '"
                + value + "'.");
    }
}
