package coursekit.grading;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import coursekit.check.TestCase;
import java.util.ArrayList;
import java.util.List;

/**
 * What one sandboxed run gets on its standard input: the submission's code cells, then the tests to run
 * after them, the time limits, and the secret word that marks its result line.
 *
 * @param nonce        a random word; the result line starts with it, so printed text cannot pose as the result
 * @param cellSeconds  the time limit of each cell
 * @param testSeconds  the time limit of each test
 * @param cells        the code cells, in order
 * @param tests        the tests, public and hidden
 */
record Job(String nonce, long cellSeconds, long testSeconds, List<String> cells, List<TestCase> tests) {

    String toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("nonce", nonce);
        json.addProperty("cellSeconds", cellSeconds);
        json.addProperty("testSeconds", testSeconds);
        JsonArray cellArray = new JsonArray();
        cells.forEach(cellArray::add);
        json.add("cells", cellArray);
        JsonArray testArray = new JsonArray();
        for (TestCase t : tests) {
            testArray.add(Json.test(t));
        }
        json.add("tests", testArray);
        return json.toString();
    }

    static Job fromJson(String text) {
        JsonObject json = JsonParser.parseString(text).getAsJsonObject();
        List<String> cells = new ArrayList<>();
        for (JsonElement cell : json.getAsJsonArray("cells")) {
            cells.add(cell.getAsString());
        }
        List<TestCase> tests = new ArrayList<>();
        for (JsonElement test : json.getAsJsonArray("tests")) {
            tests.add(Json.test(test.getAsJsonObject()));
        }
        return new Job(json.get("nonce").getAsString(), json.get("cellSeconds").getAsLong(),
                json.get("testSeconds").getAsLong(), cells, tests);
    }
}
