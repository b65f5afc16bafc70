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
            if (!arg.startsWith("--") || !known.contains(arg.substring(2))) {
                throw new LabException("Lab " + lab + " has no option '" + arg + "'; its options are --" + String.join(", --", known) + ".");
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
}
