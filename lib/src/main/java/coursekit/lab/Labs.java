package coursekit.lab;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Entry point of {@code ./kit lab NAME [options]}: runs one lab and turns any problem into one
 * readable line instead of a stack trace.
 */
public final class Labs {

    private static final Map<String, Consumer<String[]>> LABS = new TreeMap<>(Map.of(
            ScratchCnnLab.NAME, ScratchCnnLab::run,
            AugmentationLab.NAME, AugmentationLab::run,
            FeatureExtractionLab.NAME, FeatureExtractionLab::run,
            FineTuningLab.NAME, FineTuningLab::run,
            ContinualLab.FORGETTING, ContinualLab::forgetting,
            ContinualLab.LWF, ContinualLab::lwf,
            ContinualLab.ICARL, ContinualLab::icarl,
            RetentionLab.NAME, RetentionLab::run));

    private Labs() {}

    public static void main(String[] args) {
        if (args.length == 0 || !LABS.containsKey(args[0])) {
            String asked = args.length == 0 ? "no lab" : "'" + args[0] + "'";
            System.err.println("Asked for " + asked + "; the labs are: " + String.join(", ", LABS.keySet())
                    + " (usage: ./kit lab NAME [--option value ...]; ./kit lab NAME --help lists a lab's options).");
            System.exit(2);
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        try {
            LABS.get(args[0]).accept(rest);
        } catch (LabException e) {
            if (!e.isHelp()) {
                stopped(args[0], e);
            }
            System.out.println(e.getMessage());
        } catch (RuntimeException e) {
            stopped(args[0], e);
        }
    }

    /** Says in one line why the lab stopped, and exits with status 1. */
    private static void stopped(String lab, RuntimeException e) {
        System.err.println("Lab " + lab + " stopped: " + e.getMessage());
        if (System.getenv("COURSEKIT_DEBUG") != null) {
            e.printStackTrace();
        } else {
            System.err.println("(Set COURSEKIT_DEBUG=1 to see the stack trace.)");
        }
        System.exit(1);
    }
}
