package coursekit.kernel.magic;

import eu.maveniverse.maven.mima.context.Context;
import eu.maveniverse.maven.mima.context.ContextOverrides;
import eu.maveniverse.maven.mima.context.Runtimes;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves Maven coordinates with their transitive runtime dependencies, from the local repository
 * ({@code ~/.m2}, or what {@code settings.xml} names) and Maven Central, as {@code %maven} needs.
 *
 * <p>Offline, only the local repository is used: tests and machines without network use that.
 */
public final class MavenResolver {

    private final boolean offline;

    public MavenResolver(boolean offline) {
        this.offline = offline;
    }

    public boolean offline() {
        return offline;
    }

    /** The jar files of {@code coordinates} ({@code group:artifact[:extension[:classifier]]:version}) and their dependencies. */
    public List<Path> resolve(List<String> coordinates) throws MavenException {
        if (coordinates.isEmpty()) {
            throw new MavenException("%maven needs coordinates, for example %maven junit:junit:4.13.2.");
        }
        CollectRequest collect = new CollectRequest();
        for (String coordinate : coordinates) {
            collect.addDependency(new Dependency(artifact(coordinate), JavaScopes.RUNTIME));
        }
        ContextOverrides overrides = ContextOverrides.create().withUserSettings(true).offline(offline).build();
        try (Context context = Runtimes.INSTANCE.getRuntime().create(overrides)) {
            collect.setRepositories(context.remoteRepositories());
            DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult result : context.repositorySystem()
                    .resolveDependencies(context.repositorySystemSession(), request).getArtifactResults()) {
                File file = result.getArtifact() == null ? null : result.getArtifact().getFile();
                if (file != null && file.getName().endsWith(".jar")) {
                    jars.add(file.toPath());
                }
            }
            return jars;
        } catch (DependencyResolutionException e) {
            throw new MavenException("Cannot resolve " + String.join(", ", coordinates) + " from "
                    + (offline ? "the local Maven repository (offline)" : "the local Maven repository or Maven Central")
                    + ": " + rootMessage(e) + ". Check the group, artifact and version (search.maven.org lists them).", e);
        }
    }

    private static DefaultArtifact artifact(String coordinate) throws MavenException {
        try {
            return new DefaultArtifact(coordinate.strip());
        } catch (IllegalArgumentException e) {
            throw new MavenException("'" + coordinate + "' is not a Maven coordinate; write group:artifact:version,"
                    + " for example %maven junit:junit:4.13.2.", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip().replaceAll("\\s+", " ");
    }
}
