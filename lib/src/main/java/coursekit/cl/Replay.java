package coursekit.cl;

import java.util.Random;

/**
 * Experience replay with a fixed, class-balanced memory: each experience trains on its own images
 * plus the stored exemplars of earlier classes, chosen at random.
 */
final class Replay implements Plugin {

    private final ExemplarMemory memory;

    Replay(int memorySize) {
        this.memory = new ExemplarMemory(memorySize);
    }

    @Override
    public void beforeExperience(ExperienceStart start) {
        if (memory.size() > 0) {
            start.addTrainingData(memory.images());
        }
    }

    @Override
    public void afterExperience(ExperienceEnd end) {
        Random random = new Random(end.seed());
        memory.add(end.experienceData(), end.classes(), (images, m) -> Herding.random(images.size(), m, random));
    }

    ExemplarMemory memory() {
        return memory;
    }
}
