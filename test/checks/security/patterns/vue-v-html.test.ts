import { describe, expect, it } from "vitest";
import type { SourceFile } from "../../../../src/contract/check.js";
import { vueVHtml } from "../../../../src/checks/security/patterns/vue-v-html.js";

function run(content: string, path = "src/components/Post.vue") {
  const file: SourceFile = { path, content, language: "text", status: "added", addedLines: new Set() };
  return vueVHtml.run({ files: [file], repoPaths: [path], relatedFiles: [], options: {} });
}

const component = (template: string) => `<template>
  <article>
${template}
  </article>
</template>

<script setup>
import { ref } from "vue";
const post = ref({ body: "" });
</script>
`;

describe("vue-v-html", () => {
  it("reports v-html given a value from the component, as informative with no traced input", () => {
    const findings = run(component(`    <div class="body" v-html="post.body"></div>`));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ messageId: "untraced", line: 3, category: "xss" });
    expect(findings[0]?.level).toBeUndefined();
    expect(findings[0]?.message).toContain("no request input was traced here");
    expect(findings[0]?.message).toMatch(/^Show `post.body` with `\{\{ \}\}`/);
  });

  it("says when the value is read from the URL, with its trace", () => {
    const findings = run(component(`    <p v-html='$route.query.message'></p>`));
    expect(findings).toEqual([
      expect.objectContaining({
        messageId: "fromUrl",
        line: 3,
        trace: "$route.query.message -> v-html",
      }),
    ]);
  });

  it("reads :innerHTML bindings too, each on its own line", () => {
    const findings = run(component(`    <p :innerHTML="comment.html"></p>\n    <p v-bind:innerHTML="bio"></p>`));
    expect(findings.map((finding) => finding.line)).toEqual([3, 4]);
  });

  it("stays quiet on constants, sanitised values, escaped output and other attributes", () => {
    expect(
      run(
        component(
          [
            `    <p v-html="'<b>Welcome</b>'"></p>`,
            '    <p v-html="`<hr>`"></p>',
            `    <p v-html="DOMPurify.sanitize(post.body)"></p>`,
            `    <p v-html="$sanitize(post.body)"></p>`,
            `    <p>{{ post.body }}</p>`,
            `    <p :title="post.body" data-v-html="x"></p>`,
          ].join("\n"),
        ),
      ),
    ).toEqual([]);
  });

  it("stays quiet on a name the script defines as a sanitiser's result, and reports a name defined otherwise", () => {
    const withScript = (script: string) =>
      `<template>\n  <div v-html="description"></div>\n</template>\n\n<script setup>\n${script}\n</script>\n`;
    expect(
      run(withScript("const description = computed(() => DOMPurify.sanitize(product.value?.html ?? ''));")),
    ).toEqual([]);
    expect(
      run(
        withScript("export default {\n  computed: {\n    description() { return sanitizeHtml(this.html); },\n  },\n};"),
      ),
    ).toEqual([]);
    expect(run(withScript("const description = computed(() => product.value?.html ?? '');"))).toHaveLength(1);
    expect(run(withScript("const description = ref('');\nconst other = DOMPurify.sanitize(x);"))).toHaveLength(1);
    expect(run(withScript("const description = ref('')\nconst other = DOMPurify.sanitize(x)"))).toHaveLength(1);
  });

  it("reads only the template block of .vue files, not tests or other text files", () => {
    expect(run(`<script>\nconst doc = '<div v-html="x"></div>';\n</script>\n`)).toEqual([]);
    expect(run(component(`    <div v-html="post.body"></div>`), "tests/unit/Post.spec.vue")).toEqual([]);
    expect(run(`<div v-html="post.body"></div>`, "docs/notes.md")).toEqual([]);
  });
});
