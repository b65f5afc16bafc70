package coursekit.cl;

import coursekit.data.ImageSet;
import java.util.Arrays;
import java.util.Objects;

/**
 * One step of a stream: the classes it brings (labels as the network sees them), its images, and its task label.
 *
 * <p>In a class-incremental scenario experience {@code k} of {@code c} classes brings the network labels
 * {@code [k*c, (k+1)*c)} and its sets' class names cover the whole stream; in a task-incremental one its labels
 * restart at 0 and {@link #taskLabel()} names the head to use; in a new-instances one every experience brings
 * all classes again, in new images.
 *
 * @param index position in the stream, from 0
 * @param classes the network labels present in this experience's training set, ascending
 * @param taskLabel the task this experience belongs to (0 in class-incremental and new-instances scenarios)
 * @param train the images to learn from
 * @param test the images to measure this experience on
 */
public record Experience(int index, int[] classes, int taskLabel, ImageSet train, ImageSet test) {

    public Experience {
        Objects.requireNonNull(classes, "classes");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (index < 0 || taskLabel < 0) {
            throw new IllegalArgumentException("An experience needs a non-negative index and task label, but got index="
                    + index + ", taskLabel=" + taskLabel + ".");
        }
        classes = classes.clone();
    }

    /** A copy of the classes, so that nobody can change this experience's. */
    @Override
    public int[] classes() {
        return classes.clone();
    }

    /** Number of classes this experience brings. */
    public int numClasses() {
        return classes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Experience e && e.index == index && e.taskLabel == taskLabel
                && Arrays.equals(e.classes, classes) && e.train.equals(train) && e.test.equals(test);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, taskLabel, Arrays.hashCode(classes), train, test);
    }

    @Override
    public String toString() {
        return "Experience[" + index + ", classes " + Arrays.toString(classes) + ", task " + taskLabel + ", train "
                + train.size() + ", test " + test.size() + " images]";
    }
}
