package coursekit.grading;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import coursekit.check.TestCase;

/** The JSON forms of tests, shared by the job, the results and the resume files. */
final class Json {

    private Json() {}

    static JsonObject test(TestCase t) {
        JsonObject json = new JsonObject();
        json.addProperty("question", t.question());
        json.addProperty("name", t.name());
        json.addProperty("points", t.points());
        json.addProperty("hidden", t.hidden());
        json.addProperty("independent", t.independent());
        if (t.feedback() != null) {
            json.addProperty("feedback", t.feedback());
        }
        json.addProperty("code", t.code());
        return json;
    }

    static TestCase test(JsonObject json) {
        JsonElement feedback = json.get("feedback");
        return new TestCase(json.get("question").getAsString(), json.get("name").getAsString(),
                json.get("points").getAsDouble(), json.get("hidden").getAsBoolean(), json.get("independent").getAsBoolean(),
                feedback == null || feedback.isJsonNull() ? null : feedback.getAsString(), json.get("code").getAsString());
    }

    static String string(JsonObject json, String key) {
        JsonElement value = json.get(key);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }
}
