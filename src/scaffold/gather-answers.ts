import type { Template } from "./load-template.js";
import type { Prompter } from "./prompter.js";
import { ScaffoldError } from "./scaffold-error.js";
import type { TemplateVariable } from "./template-manifest-schema.js";
import { projectNameError } from "./validate-project-name.js";
import { fallbackValue, parseVariableValue } from "./variable-value.js";

export interface GivenAnswers {
  template?: string;
  name?: string;
  out?: string;
  vars: Record<string, string>;
  /** --yes: take defaults instead of asking. */
  yes: boolean;
}

export interface Answers {
  templateId: string;
  projectName: string;
  out: string;
  vars: Record<string, string>;
}

/** Mode-independent: what to do when a value is missing. */
export interface AnswerSource {
  /** Undefined when not interactive (no TTY, or CI set): a missing value is then an error naming its flag. */
  prompter?: Prompter;
  templateIds: string[];
  loadTemplate(id: string): Template;
}

async function askTemplate(given: GivenAnswers, source: AnswerSource): Promise<string> {
  if (given.template !== undefined) return given.template;
  if (!source.prompter)
    throw new ScaffoldError(
      `Missing --template. Pass --template with one of: ${source.templateIds.join(", ") || "(none found)"} (see --list).`,
    );
  const options = source.templateIds.map((id) => {
    const { manifest } = source.loadTemplate(id);
    return {
      value: id,
      label: manifest.title,
      hint: `${manifest.difficulty}: ${manifest.description}`,
      rank: DIFFICULTY_ORDER.indexOf(manifest.difficulty),
    };
  });
  // The beginner template comes first and is the one selected to begin with.
  options.sort((a, b) => a.rank - b.rank || a.value.localeCompare(b.value));
  return source.prompter.select(
    "Which template?",
    options.map(({ rank: _rank, ...option }) => option),
    options[0]?.value,
  );
}

const DIFFICULTY_ORDER: readonly string[] = ["beginner", "intermediate", "advanced"];

/** The question that shows every answer before anything is written. */
export function summaryQuestion(answers: Answers): string {
  const vars = Object.entries(answers.vars)
    .map(([name, value]) => `\n  ${name}: ${value}`)
    .join("");
  return `Create ${answers.projectName} from template ${answers.templateId} in ${answers.out}?${vars}`;
}

async function askName(given: GivenAnswers, prompter: Prompter | undefined): Promise<string> {
  if (given.name !== undefined) return given.name;
  if (!prompter)
    throw new ScaffoldError(
      "Missing --name. Pass --name with the project's npm package name, for example --name my-tasks-api.",
    );
  return prompter.text("Project name (an npm package name)", { validate: projectNameError });
}

async function askVariable(variable: TemplateVariable, prompter: Prompter): Promise<string> {
  const fallback = fallbackValue(variable);
  if (variable.type === "boolean") return String(await prompter.confirm(variable.prompt, fallback === true));
  if (variable.type === "choice")
    return prompter.select(
      variable.prompt,
      variable.choices.map((choice) => ({ value: choice, label: choice })),
      variable.default,
    );
  return prompter.text(variable.prompt, {
    initial: fallback === undefined ? undefined : String(fallback),
    validate: (value) => {
      const parsed = parseVariableValue(variable, value);
      return parsed.ok ? undefined : `${variable.name} ${parsed.rule}`;
    },
  });
}

/**
 * Fills in what the flags left out: by asking (interactive), or not at all (otherwise a missing template
 * or name is an error naming the flag; variables fall back to their defaults and are checked later).
 * With --yes only values that have no default are asked for.
 */
export async function gatherAnswers(given: GivenAnswers, source: AnswerSource): Promise<Answers> {
  const { prompter } = source;
  const templateId = await askTemplate(given, source);
  const template = source.loadTemplate(templateId);
  const projectName = await askName(given, prompter);
  const vars = { ...given.vars };
  if (prompter) {
    for (const variable of template.manifest.variables) {
      if (vars[variable.name] !== undefined) continue;
      if (given.yes && fallbackValue(variable) !== undefined) continue;
      vars[variable.name] = await askVariable(variable, prompter);
    }
  }
  let out = given.out;
  if (out === undefined)
    out =
      prompter && !given.yes
        ? await prompter.text("Folder to create", {
            initial: `./${projectName}`,
            validate: (value) => (value.trim() === "" ? "enter a folder path" : undefined),
          })
        : `./${projectName}`;
  const answers = { templateId, projectName, out, vars };
  if (prompter && !given.yes && !(await prompter.confirm(summaryQuestion(answers), true))) {
    throw new ScaffoldError("Nothing was written. Run the command again to choose other answers.");
  }
  return answers;
}
