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
 * after them, the time limits, and the names the tests rely on.
 *
 * @param cellSeconds  the time limit of each cell
 * @param testSeconds  the time limit of each test
 * @param cells        the code cells, in order
 * @param tests        the tests, public and hidden
 * @param reserved     names the tests use that the assignment does not ask students to define (see {@link ReservedNames})
 * @param importable   those of them that a submission may import (the notebook imports them too)
 */
record Job(long cellSeconds, long testSeconds, List<String> cells, List<TestCase> tests, List<String> reserved,
           List<String> importable) {

    Job(long cellSeconds, long testSeconds, List<String> cells, List<TestCase> tests, ReservedNames.Names names) {
        this(cellSeconds, testSeconds, cells, tests, names.reserved(), names.importable());
    }

    String toJson() {
        JsonObject json = new JsonObject();
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
        JsonArray names = new JsonArray();
        reserved.forEach(names::add);
        json.add("reserved", names);
        JsonArray imports = new JsonArray();
        importable.forEach(imports::add);
        json.add("importable", imports);
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
        List<String> reserved = new ArrayList<>();
        json.getAsJsonArray("reserved").forEach(name -> reserved.add(name.getAsString()));
        List<String> importable = new ArrayList<>();
        json.getAsJsonArray("importable").forEach(name -> importable.add(name.getAsString()));
        return new Job(json.get("cellSeconds").getAsLong(), json.get("testSeconds").getAsLong(), cells, tests, reserved, importable);
    }
}
