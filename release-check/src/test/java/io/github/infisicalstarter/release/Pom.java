package io.github.infisicalstarter.release;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A module's {@code pom.xml} as written, with the inheritance rules of Maven that matter
 * for the metadata Maven Central reads: {@code url} and {@code scm} are inherited with
 * the artifact id appended unless the parent says {@code inherit.append.path="false"},
 * {@code licenses} and {@code developers} as they are, {@code name} not at all.
 *
 * @param directory the module's directory
 * @param project the {@code project} element
 * @param parent the parent pom in this repository, if any
 */
record Pom(Path directory, Element project, @Nullable Pom parent) {

	static Pom read(Path directory) {
		try {
			Element project = DocumentBuilderFactory.newInstance()
				.newDocumentBuilder()
				.parse(directory.resolve("pom.xml").toFile())
				.getDocumentElement();
			Pom parent = null;
			Element parentElement = child(project, "parent");
			if (parentElement != null) {
				String relativePath = text(parentElement, "relativePath");
				Path parentDirectory = directory
					.resolve((relativePath != null) ? relativePath.replace("pom.xml", "") : "..")
					.normalize();
				if (Files.exists(parentDirectory.resolve("pom.xml"))) {
					parent = read(parentDirectory);
				}
			}
			return new Pom(directory, project, parent);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot read " + directory.resolve("pom.xml"), ex);
		}
	}

	String artifactId() {
		return text(this.project, "artifactId");
	}

	String version() {
		String version = text(this.project, "version");
		return (version != null || this.parent == null) ? version : this.parent.version();
	}

	String packaging() {
		String packaging = text(this.project, "packaging");
		return (packaging != null) ? packaging : "jar";
	}

	/**
	 * Whether the module is published: {@code maven.deploy.skip} is not set to true.
	 * @return whether it is deployed
	 */
	boolean published() {
		Element properties = child(this.project, "properties");
		return properties == null || !"true".equals(text(properties, "maven.deploy.skip"));
	}

	@Nullable String ownText(String path) {
		return text(this.project, path);
	}

	/**
	 * The value a deployed pom has for an element that is inherited with a path appended.
	 * @param path a path of element names such as {@code scm/url}
	 * @param appendAttribute the attribute on the parent's element that switches the
	 * appending off
	 * @return the effective value
	 */
	@Nullable String inheritedText(String path, String appendAttribute) {
		String own = text(this.project, path);
		if (own != null || this.parent == null) {
			return own;
		}
		String inherited = this.parent.inheritedText(path, appendAttribute);
		String[] names = path.split("/");
		Element holder = (names.length == 1) ? this.parent.project
				: child(this.parent.project, String.join("/", List.of(names).subList(0, names.length - 1)));
		boolean append = holder == null || !"false".equals(holder.getAttribute(appendAttribute));
		return (inherited != null && append) ? inherited + "/" + artifactId() : inherited;
	}

	/**
	 * The children of an element that is inherited as a whole, such as {@code licenses}.
	 * @param path the path of the list element
	 * @return its child elements, from this pom or the nearest parent that has them
	 */
	List<Element> inheritedList(String path) {
		Element list = child(this.project, path);
		if (list == null) {
			return (this.parent != null) ? this.parent.inheritedList(path) : List.of();
		}
		return children(list);
	}

	static List<Element> children(Element element) {
		List<Element> children = new ArrayList<>();
		for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element child) {
				children.add(child);
			}
		}
		return children;
	}

	static @Nullable Element child(Element element, String path) {
		Element current = element;
		for (String name : path.split("/")) {
			Element next = null;
			for (Element child : children(current)) {
				if (child.getTagName().equals(name)) {
					next = child;
					break;
				}
			}
			if (next == null) {
				return null;
			}
			current = next;
		}
		return current;
	}

	static @Nullable String text(Element element, String path) {
		Element child = child(element, path);
		return (child != null && !child.getTextContent().isBlank()) ? child.getTextContent().strip() : null;
	}

	@Override
	public String toString() {
		return artifactId();
	}

}
