/** What the interactive mode needs from a prompt library; the CLI uses @clack/prompts, tests a scripted fake. */
export interface Prompter {
  select(
    message: string,
    options: { value: string; label: string; hint?: string }[],
    initial?: string,
  ): Promise<string>;
  text(
    message: string,
    options: { initial?: string; validate: (value: string) => string | undefined },
  ): Promise<string>;
  confirm(message: string, initial: boolean): Promise<boolean>;
}
