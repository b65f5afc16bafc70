package coursekit.check;

/**
 * One test of one question, as read from the assignment's {@code tests/QUESTION.jsh} file.
 *
 * @param question    the question it belongs to (the file's name, e.g. {@code q1})
 * @param name        a short name, unique within the question
 * @param points      what passing it is worth
 * @param hidden      whether only the grader runs it (a release leaves it out)
 * @param independent whether it may pass without the solution (release does not require it to fail on the stubs)
 * @param feedback    for a hidden test, the sentence a student sees when it fails, or {@code null} to show none
 * @param code        the statements of the test, JShell snippets that use the student's definitions
 */
public record TestCase(String question, String name, double points, boolean hidden, boolean independent,
                       String feedback, String code) {

    /** {@code question/name}, unique within an assignment. */
    public String id() {
        return question + "/" + name;
    }
}
