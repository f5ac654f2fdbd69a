export type Command =
  | { kind: "review" }
  | { kind: "explain"; checkId: string }
  | { kind: "help" }
  | { kind: "progress" }
  | { kind: "forget-me" }
  | { kind: "unknown"; text: string };

const PREFIX = /^\s*\/apprentice\b(.*)$/im;

/** The `/apprentice …` command in a comment (the first line that starts with it), or undefined. */
export function parseCommand(body: string): Command | undefined {
  const match = PREFIX.exec(body);
  if (!match) return undefined;
  const [verb = "", ...rest] = (match[1] ?? "").trim().split(/\s+/).filter(Boolean);
  switch (verb.toLowerCase()) {
    case "review":
      return { kind: "review" };
    case "progress":
      return { kind: "progress" };
    case "forget-me":
      return { kind: "forget-me" };
    case "help":
    case "":
      return { kind: "help" };
    case "explain":
      return rest[0]
        ? { kind: "explain", checkId: rest[0].replace(/^`|`$/g, "").toLowerCase() }
        : { kind: "unknown", text: "explain" };
    default:
      return { kind: "unknown", text: verb };
  }
}
