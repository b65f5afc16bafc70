// q2: augmentation(seed) is the lecture's geometric pipeline with brightness 0.8-1.2 per channel.
//# test lecture-settings points=2
String settings = augmentation(7).toString();
for (String part : new String[] {"rotationRange=40", "widthShiftRange=0.2", "heightShiftRange=0.2", "shearRange=0.2",
        "zoomRange=[0.8, 1.2]", "horizontalFlip=true", "fillMode=nearest"}) {
    assertTrue(settings.contains(part), "the pipeline should have " + part + "; it is " + settings);
}
assertEquals(7L, augmentation(7).seed(), "use the seed you are given");
//# test brightness-per-channel points=1
String settings = augmentation(7).toString();
assertTrue(settings.contains("brightnessRange=[0.8, 1.2]") && settings.contains("brightnessPerChannel=true"),
        "brightness scaled by 0.8-1.2 for each channel on its own; the pipeline is " + settings);
//# test same-images-as-the-reference hidden feedback="Your pipeline transforms images differently from the one asked for: check each setting and the seed."
var images = Datasets.catsDogs32().firstPerClass(3);
var reference = coursekit.augment.Augmenter.builder().rotationRange(40).widthShiftRange(0.2).heightShiftRange(0.2).shearRange(0.2)
        .zoomRange(0.2).horizontalFlip(true).fillMode(coursekit.augment.FillMode.NEAREST).brightnessRange(0.8, 1.2)
        .brightnessPerChannel(true).seed(11).build();
assertEquals(reference.augment(images, 3).digest(), augmentation(11).augment(images, 3).digest());
