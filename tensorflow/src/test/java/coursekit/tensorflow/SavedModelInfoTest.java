package coursekit.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedModelInfoTest {

    @TempDir
    Path dir;

    @Test
    void aFolderWithoutSavedModelPbIsNotASavedModel() throws Exception {
        Files.writeString(dir.resolve("vgg16.keras"), "not really");
        SavedModelException e = assertThrows(SavedModelException.class, () -> SavedModels.featureExtractor(dir));
        assertTrue(e.getMessage().contains("is not a TensorFlow SavedModel") && e.getMessage().contains("vgg16.keras")
                && e.getMessage().contains("model.export"), e.getMessage());
    }

    @Test
    void aMissingFolderIsNamed() {
        Path missing = dir.resolve("nowhere");
        SavedModelException e = assertThrows(SavedModelException.class, () -> SavedModels.featureExtractor(missing));
        assertTrue(e.getMessage().contains("There is no folder") && e.getMessage().contains("nowhere"), e.getMessage());
    }

    @Test
    void aGarbledSavedModelPbIsNamed() throws Exception {
        Files.write(dir.resolve("saved_model.pb"), new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});
        SavedModelException e = assertThrows(SavedModelException.class, () -> SavedModels.featureExtractor(dir));
        assertTrue(e.getMessage().contains("saved_model.pb is not a readable SavedModel"), e.getMessage());
    }

    @Test
    void theSignatureIsReadFromTheExport() {
        Path model = TinySavedModel.export(dir.resolve("tiny"), true);
        SavedModelInfo info = SavedModelInfo.read(model, "serve", "serving_default");
        assertEquals("images", info.inputName());
        assertArrayEquals(new long[] {-1, 8, 8, 3}, info.inputShape());
        assertEquals(List.of("feature_map", "features"), info.outputs());
    }

    @Test
    void aMissingSignatureListsTheOnesThere() {
        Path model = TinySavedModel.export(dir.resolve("tiny"), false);
        SavedModelException e = assertThrows(SavedModelException.class,
                () -> SavedModels.builder(model).signature("predict").build());
        assertTrue(e.getMessage().contains("no signature 'predict'") && e.getMessage().contains("[serving_default]"), e.getMessage());
    }

    @Test
    void aMissingTagListsTheTagSetsThere() {
        Path model = TinySavedModel.export(dir.resolve("tiny"), false);
        SavedModelException e = assertThrows(SavedModelException.class, () -> SavedModels.builder(model).tag("train").build());
        assertTrue(e.getMessage().contains("no graph tagged 'train'") && e.getMessage().contains("[[serve]]"), e.getMessage());
    }

    @Test
    void anInputThatIsNoImageBatchIsRefused() {
        Path model = TinySavedModel.exportVectorModel(dir.resolve("vectors"));
        SavedModelException e = assertThrows(SavedModelException.class, () -> SavedModels.featureExtractor(model));
        assertTrue(e.getMessage().contains("Input 'vectors'") && e.getMessage().contains("(None, 5)")
                && e.getMessage().contains("(batch, height, width, channels)"), e.getMessage());
    }

    @Test
    void severalOutputsNeedOneChosenByName() {
        Path model = TinySavedModel.export(dir.resolve("tiny"), true);
        SavedModelException e = assertThrows(SavedModelException.class, () -> SavedModels.featureExtractor(model));
        assertTrue(e.getMessage().contains("[feature_map, features]") && e.getMessage().contains("output(name)"), e.getMessage());
        SavedModelException wrong = assertThrows(SavedModelException.class, () -> SavedModels.builder(model).output("logits").build());
        assertTrue(wrong.getMessage().contains("no output 'logits'"), wrong.getMessage());
    }
}
