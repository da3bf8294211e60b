package dev.kiln.examples.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Keeps the build's promises to users as modules are added: the BOM lists exactly the artifacts
 * the build produces, every jar has a stable {@code Automatic-Module-Name}, and no build leftovers
 * ship in the jars. (This module builds last, so every other module's jar exists when it runs
 * under {@code mvn verify}.)
 */
class BuildLayoutTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    /** Text of the first {@code name} child directly under {@code parent}, or null. */
    private static String child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    private static Element childElement(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private record Module(String dir, String artifactId, String packaging, String moduleName) {
    }

    private static List<Module> modules() throws Exception {
        List<Module> out = new ArrayList<>();
        NodeList names = xml(ROOT.resolve("pom.xml")).getElementsByTagName("module");
        for (int i = 0; i < names.getLength(); i++) {
            String dir = names.item(i).getTextContent().trim();
            Element project = xml(ROOT.resolve(dir).resolve("pom.xml")).getDocumentElement();
            String packaging = child(project, "packaging");
            Element props = childElement(project, "properties");
            out.add(new Module(dir, child(project, "artifactId"), packaging == null ? "jar" : packaging,
                    props == null ? null : child(props, "kiln.module.name")));
        }
        return out;
    }

    private static Set<String> managedKilnArtifacts(Path pom) throws Exception {
        Set<String> out = new HashSet<>();
        Element dm = childElement(xml(pom).getDocumentElement(), "dependencyManagement");
        NodeList deps = dm.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            if ("dev.kiln".equals(child(d, "groupId"))) {
                out.add(child(d, "artifactId"));
            }
        }
        return out;
    }

    @Test
    void theBomListsExactlyTheArtifactsTheBuildProduces() throws Exception {
        Set<String> built = new HashSet<>();
        modules().stream().filter(m -> m.packaging().equals("jar")).forEach(m -> built.add(m.artifactId()));
        assertThat(built).contains("kiln-core", "kiln-tensor-cpu", "kiln-supervised");
        assertThat(managedKilnArtifacts(ROOT.resolve("bom/pom.xml"))).as("kiln-bom's dependencyManagement")
                .containsExactlyInAnyOrderElementsOf(built);
        assertThat(built).as("the parent pins only what the build produces")
                .containsAll(managedKilnArtifacts(ROOT.resolve("pom.xml")));
    }

    @Test
    void everyJarModuleNamesItsAutomaticModuleAndShipsNoBuildLeftovers() throws Exception {
        TreeMap<String, String> names = new TreeMap<>();
        int jarsChecked = 0;
        for (Module m : modules()) {
            if (!m.packaging().equals("jar")) {
                continue;
            }
            assertThat(m.moduleName()).as("kiln.module.name in %s/pom.xml", m.dir()).isNotBlank().startsWith("dev.kiln.");
            assertThat(names.put(m.moduleName(), m.dir())).as("module name %s is unique", m.moduleName()).isNull();
            for (Path jar : jars(ROOT.resolve(m.dir()).resolve("target"), m.artifactId())) {
                try (JarFile j = new JarFile(jar.toFile())) {
                    assertThat(j.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).as(jar.toString())
                            .isEqualTo(m.moduleName());
                    assertThat(j.getEntry("META-INF/jpms.args")).as("stray META-INF/jpms.args in " + jar).isNull();
                }
                jarsChecked++;
            }
        }
        // the test classpath of this module holds core's jar when run by `mvn verify`; by `mvn test`, classes only
        if (Files.exists(ROOT.resolve("core/target").resolve("kiln-core-" + version() + ".jar"))) {
            assertThat(jarsChecked).isPositive();
        }
    }

    private static String version() throws Exception {
        return child(xml(ROOT.resolve("pom.xml")).getDocumentElement(), "version");
    }

    private static List<Path> jars(Path target, String artifactId) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(target)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(target, artifactId + "-*.jar")) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!n.endsWith("-sources.jar") && !n.endsWith("-tests.jar") && !n.endsWith("-javadoc.jar")) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
