// SPDX-License-Identifier: GPL-3.0-or-later

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the CHAI icon (a film frame with a caption bar) as SVG, as PNGs of the sizes the packages need and as a Windows .ico, from one
 * list of shapes, so the two never disagree. {@code java MakeIcon.java OUT_DIR}. The files in installer/icon/ were
 * made with it; rerun after changing the shapes.
 */
public final class MakeIcon {
    private record Rect(double x, double y, double w, double h, double r, String fill) {
    }

    private MakeIcon() {
    }

    /** The shapes on a 256 × 256 canvas. */
    private static List<Rect> shapes(String frameFill) {
        List<Rect> s = new ArrayList<>();
        s.add(new Rect(8, 8, 240, 240, 44, "#1f3b57"));           // background
        s.add(new Rect(36, 52, 184, 152, 10, frameFill));         // film frame
        for (int i = 0; i < 6; i++) {                             // perforations above and below the picture
            s.add(new Rect(44 + i * 29.5, 58, 16, 12, 3, "#1f3b57"));
            s.add(new Rect(44 + i * 29.5, 186, 16, 12, 3, "#1f3b57"));
        }
        s.add(new Rect(44, 78, 168, 100, 6, "#5aa9e6"));          // the picture
        s.add(new Rect(60, 138, 136, 26, 6, "#ffffff"));          // caption bar
        s.add(new Rect(70, 147, 70, 8, 4, "#1f3b57"));            // caption text line
        s.add(new Rect(146, 147, 38, 8, 4, "#f2a541"));           // a highlighted word
        return s;
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(out);
        List<Rect> shapes = shapes("#f4f1ea");
        StringBuilder svg = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!-- SPDX-License-Identifier: GPL-3.0-or-later; made by installer/src/MakeIcon.java -->\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\" viewBox=\"0 0 256 256\">\n");
        for (Rect r : shapes) {
            svg.append(String.format(java.util.Locale.ROOT,
                    "  <rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%.1f\" fill=\"%s\"/>%n",
                    r.x(), r.y(), r.w(), r.h(), r.r(), r.fill()));
        }
        svg.append("  <text x=\"128\" y=\"122\" text-anchor=\"middle\" font-family=\"DejaVu Sans, sans-serif\" "
                + "font-weight=\"bold\" font-size=\"44\" fill=\"#ffffff\">CHAI</text>\n</svg>\n");
        Files.writeString(out.resolve("chai.svg"), svg);
        for (int size : new int[] {48, 128, 256}) {
            ImageIO.write(render(shapes, size, true), "png", out.resolve("chai-" + size + ".png").toFile());
        }
        writeIco(render(shapes, 256, true), out.resolve("chai.ico"));
        // the project-file icon: same frame without the title, on a lighter background
        List<Rect> doc = shapes("#ffffff");
        doc.set(0, new Rect(8, 8, 240, 240, 24, "#8fb3d1"));
        ImageIO.write(render(doc, 128, false), "png", out.resolve("chai-project-128.png").toFile());
    }

    /** A Windows .ico holding one 256 × 256 PNG (allowed since Windows Vista; jpackage's --icon for the .msi). */
    private static void writeIco(BufferedImage img, Path file) throws IOException {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(6 + 16 + png.size()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 1);          // ICONDIR: reserved, type icon, 1 image
        b.put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);              // 256 x 256 (0 means 256), no palette
        b.putShort((short) 1).putShort((short) 32).putInt(png.size()).putInt(6 + 16);
        b.put(png.toByteArray());
        Files.write(file, b.array());
    }

    private static BufferedImage render(List<Rect> shapes, int size, boolean title) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(size / 256.0, size / 256.0);
        for (Rect r : shapes) {
            g.setColor(Color.decode(r.fill()));
            g.fill(new RoundRectangle2D.Double(r.x(), r.y(), r.w(), r.h(), 2 * r.r(), 2 * r.r()));
        }
        if (title) {
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 44));
            int w = g.getFontMetrics().stringWidth("CHAI");
            g.drawString("CHAI", 128 - w / 2f, 122);
        }
        g.dispose();
        return img;
    }
}
