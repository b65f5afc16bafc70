package coursekit.lab;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs a test class in quick mode ({@code coursekit.quick=true}) and puts the property back as it was afterwards. */
final class QuickMode implements BeforeAllCallback, AfterAllCallback {

    private static final String PROPERTY = "coursekit.quick";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(QuickMode.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        String before = System.setProperty(PROPERTY, "true");
        context.getStore(NAMESPACE).put(PROPERTY, before == null ? "" : before);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        String before = context.getStore(NAMESPACE).get(PROPERTY, String.class);
        if (before == null || before.isEmpty()) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, before);
        }
    }
}
