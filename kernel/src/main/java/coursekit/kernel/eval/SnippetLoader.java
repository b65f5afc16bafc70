package coursekit.kernel.eval;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * Loads the classes JShell compiles from cells, rewritten by {@link Instrumenter}, and the jars that
 * {@code %maven}, {@code %jars} and {@code %classpath} add.
 *
 * <p>Parent first: a class on the kernel's own class path (the kit, DJL, XChart, Tablesaw) is the same
 * class in cells and in the kernel's renderers.
 */
final class SnippetLoader implements LoaderDelegate {

    private final CellClassLoader loader;
    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();
    private final Set<String> parentPath;
    private final Set<Path> added = new LinkedHashSet<>();

    SnippetLoader(ClassLoader parent, List<String> parentClassPath) {
        this.loader = new CellClassLoader(parent);
        this.parentPath = Set.copyOf(parentClassPath);
    }

    ClassLoader classLoader() {
        return loader;
    }

    /** The paths added to the class path since start, in order. */
    synchronized List<Path> addedPaths() {
        return new ArrayList<>(added);
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
        boolean[] loaded = new boolean[cbcs.length];
        try {
            for (ClassBytecodes cbc : cbcs) {
                loader.declare(cbc.name(), Instrumenter.instrument(cbc.bytecodes()));
            }
            for (int i = 0; i < cbcs.length; i++) {
                Class<?> type = loader.loadClass(cbcs[i].name());
                classes.put(cbcs[i].name(), type);
                loaded[i] = true;
                // Links the class now, so a broken class fails here rather than in the middle of a cell.
                type.getDeclaredMethods();
            }
        } catch (Throwable e) {
            throw new ClassInstallException("load: " + e.getMessage(), loaded);
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] cbcs) {
        for (ClassBytecodes cbc : cbcs) {
            loader.declare(cbc.name(), Instrumenter.instrument(cbc.bytecodes()));
        }
    }

    @Override
    public synchronized void addToClasspath(String classPath) throws InternalException {
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty() || parentPath.contains(entry)) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (!added.add(path)) {
                continue;
            }
            try {
                loader.addURL(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new InternalException("Cannot add " + entry + " to the class path: " + e.getMessage());
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> type = classes.get(name);
        if (type == null) {
            throw new ClassNotFoundException(name + " is not a class of any cell.");
        }
        return type;
    }

    private static final class CellClassLoader extends URLClassLoader {

        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> declared = new ConcurrentHashMap<>();

        CellClassLoader(ClassLoader parent) {
            super("cells", new URL[0], parent);
        }

        void declare(String name, byte[] bytes) {
            declared.put(name, bytes);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            // Taken out once defined: a cell that reflects on this loader finds no test's bytecode.
            byte[] bytes = declared.remove(name);
            if (bytes == null) {
                return super.findClass(name);
            }
            return defineClass(name, bytes, 0, bytes.length, (CodeSource) null);
        }

        @Override
        protected void addURL(URL url) {
            super.addURL(url);
        }
    }
}
