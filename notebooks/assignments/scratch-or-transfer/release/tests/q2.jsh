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
