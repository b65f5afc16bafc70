package coursekit.check;

/** A test's code, compiled in the session: it passes when it returns and fails when it throws. */
@FunctionalInterface
public interface TestBody {

    void run() throws Throwable;
}
