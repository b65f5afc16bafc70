package coursekit.cl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategiesTest {

    @Test
    void theSentenceOfTaskIncrementalStrategiesNamesExactlyThoseThatTrainWithAHeadPerTask() {
        Map<String, Strategy> all = new LinkedHashMap<>();
        all.put("naive", Strategies.naive());
        all.put("joint", Strategies.joint());
        all.put("cumulative", Strategies.cumulative());
        all.put("replay", Strategies.replay(10));
        all.put("lwf", Strategies.lwf(1, 2));
        all.put("icarl", Strategies.icarl(10, Strategies.Selection.HERDING));
        all.put("icarl random", Strategies.icarl(10, Strategies.Selection.RANDOM));
        all.put("ewc", Strategies.ewc(1));
        all.put("si", Strategies.si(1, 0.1));
        all.put("cwr*", Strategies.cwrStar());
        all.put("ar1", Strategies.ar1(1, 0.1));
        all.put("ar1 latent", Strategies.ar1(1, 0.1, 10, "re_lu"));
        List<String> supporting = all.entrySet().stream().filter(e -> e.getValue().taskIncremental()).map(Map.Entry::getKey)
                .filter(name -> !name.equals("icarl random")).toList();
        String sentence = String.join(", ", supporting.subList(0, supporting.size() - 1)) + " or " + supporting.get(supporting.size() - 1);
        assertEquals(sentence, Strategies.TASK_INCREMENTAL);
        assertEquals(true, all.get("icarl random").taskIncremental());
    }
}
