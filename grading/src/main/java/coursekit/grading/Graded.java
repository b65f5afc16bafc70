package coursekit.grading;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import coursekit.check.TestCase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One student's graded submission: each test's outcome, the cells that failed, and, when the submission
 * could not be run at all, why.
 */
record Graded(String student, List<Outcome> outcomes, List<String> cellErrors, String failure, double seconds) {

    /** One test's outcome. */
    record Outcome(TestCase test, boolean passed, String message) {
        double score() {
            return passed ? test.points() : 0;
        }
    }

    double total() {
        return outcomes.stream().mapToDouble(Outcome::score).sum();
    }

    Map<String, Double> byQuestion() {
        Map<String, Double> scores = new LinkedHashMap<>();
        outcomes.forEach(o -> scores.merge(o.test().question(), o.score(), Double::sum));
        return scores;
    }

    /** Every test fails with {@code why}: the submission could not be run. */
    static Graded failed(String student, List<TestCase> tests, String why, double seconds) {
        List<Outcome> outcomes = tests.stream().map(t -> new Outcome(t, false, why)).toList();
        return new Graded(student, outcomes, List.of(), why, seconds);
    }

    /** From a sandbox run's report; a test the report does not mention failed. */
    static Graded of(String student, List<TestCase> tests, JsonObject report, double seconds) {
        List<String> cellErrors = new ArrayList<>();
        for (JsonElement element : report.has("cells") ? report.getAsJsonArray("cells") : new JsonArray()) {
            JsonObject cell = element.getAsJsonObject();
            if (!cell.get("ok").getAsBoolean()) {
                cellErrors.add("cell " + cell.get("cell").getAsInt() + ": " + Json.string(cell, "error"));
            }
        }
        if (report.has("notes")) {
            report.getAsJsonArray("notes").forEach(note -> cellErrors.add("note: " + note.getAsString()));
        }
        String failure = Json.string(report, "failure");
        Map<String, JsonObject> byId = new HashMap<>();
        if (report.has("tests")) {
            for (JsonElement element : report.getAsJsonArray("tests")) {
                byId.put(element.getAsJsonObject().get("id").getAsString(), element.getAsJsonObject());
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (TestCase test : tests) {
            JsonObject r = byId.get(test.id());
            outcomes.add(r == null ? new Outcome(test, false, failure == null ? "the test did not run" : failure)
                    : new Outcome(test, r.get("passed").getAsBoolean(), Json.string(r, "message")));
        }
        return new Graded(student, outcomes, cellErrors, failure, seconds);
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("student", student);
        json.addProperty("seconds", seconds);
        if (failure != null) {
            json.addProperty("failure", failure);
        }
        JsonArray errors = new JsonArray();
        cellErrors.forEach(errors::add);
        json.add("cellErrors", errors);
        JsonArray tests = new JsonArray();
        for (Outcome o : outcomes) {
            // The test's id only, never its code: the folder is the instructor's, but a copy should not spread it.
            JsonObject t = new JsonObject();
            t.addProperty("id", o.test().id());
            t.addProperty("passed", o.passed());
            t.addProperty("message", o.message());
            tests.add(t);
        }
        json.add("tests", tests);
        return json;
    }

    /** A saved result, its tests taken from {@code tests} by id; {@code null} when the saved ones do not match. */
    static Graded fromJson(JsonObject json, List<TestCase> tests) {
        List<String> errors = new ArrayList<>();
        json.getAsJsonArray("cellErrors").forEach(e -> errors.add(e.getAsString()));
        Map<String, JsonObject> byId = new HashMap<>();
        for (JsonElement element : json.getAsJsonArray("tests")) {
            byId.put(Json.string(element.getAsJsonObject(), "id"), element.getAsJsonObject());
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (TestCase test : tests) {
            JsonObject t = byId.get(test.id());
            if (t == null) {
                return null;
            }
            outcomes.add(new Outcome(test, t.get("passed").getAsBoolean(), Json.string(t, "message")));
        }
        return new Graded(json.get("student").getAsString(), outcomes, errors, Json.string(json, "failure"),
                json.get("seconds").getAsDouble());
    }
}
