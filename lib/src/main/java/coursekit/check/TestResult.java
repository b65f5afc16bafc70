package coursekit.check;

import java.util.Locale;

/**
 * What one test came to: the points earned and, when it failed, why.
 *
 * @param test    the test
 * @param passed  whether it passed
 * @param message why it failed (empty when it passed)
 * @param seconds how long it ran
 */
public record TestResult(TestCase test, boolean passed, String message, double seconds) {

    /** The points earned: all of the test's points when it passed, none otherwise. */
    public double score() {
        return passed ? test.points() : 0;
    }

    /** One line for a student: a mark, the name, the points and, on failure, the message. */
    public String line() {
        String mark = passed ? "PASS" : "FAIL";
        String points = String.format(Locale.ROOT, "%s/%s", Points.format(score()), Points.format(test.points()));
        return passed ? mark + "  " + test.name() + " (" + points + ")"
                : mark + "  " + test.name() + " (" + points + "): " + message;
    }
}
