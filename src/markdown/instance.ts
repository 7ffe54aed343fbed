/** The one markdown-it instance: bodies are parsed the same way to find their images and to render them. */
import MarkdownIt from "markdown-it";

export const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });
