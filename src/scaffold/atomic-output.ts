import { existsSync, statSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { ScaffoldError } from "./scaffold-error.js";

/**
 * Refuses a target that is a file, or a non-empty folder unless `force` is set.
 * Returns whether the target folder exists.
 */
export async function checkTarget(target: string, force: boolean): Promise<boolean> {
  if (!existsSync(target)) return false;
  if (!statSync(target).isDirectory())
    throw new ScaffoldError(`The output path ${target} is a file. Choose another folder with --out.`);
  const entries = await readdir(target);
  if (entries.length > 0 && !force) {
    throw new ScaffoldError(
      `The folder ${target} is not empty. Choose another folder with --out, or pass --force to replace its contents.`,
    );
  }
  return true;
}

/**
 * A temporary folder next to the target (same file system, so the final move is one rename).
 * `commit()` moves it into place, replacing an existing target only once the new one is ready;
 * `discard()` removes it and any parent folder this run created, so a failure leaves nothing behind.
 */
export interface StagedOutput {
  readonly dir: string;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

export async function stageOutput(targetPath: string): Promise<StagedOutput> {
  const target = resolve(targetPath);
  const parent = dirname(target);
  let createdParent: string | undefined;
  let dir: string;
  try {
    createdParent = await mkdir(parent, { recursive: true });
    dir = await mkdtemp(join(parent, `.${basename(target)}.apprentice-`));
  } catch (error) {
    if (createdParent !== undefined) await rm(createdParent, { recursive: true, force: true });
    const reason = error instanceof Error && "code" in error ? String(error.code) : String(error);
    throw new ScaffoldError(`Cannot create a folder in ${parent} (${reason}). Choose another folder with --out.`);
  }
  const discard = async (): Promise<void> => {
    await rm(dir, { recursive: true, force: true });
    if (createdParent !== undefined) await rm(createdParent, { recursive: true, force: true });
  };
  const commit = async (): Promise<void> => {
    if (!existsSync(target)) {
      await rename(dir, target);
      return;
    }
    const previous = `${dir}-previous`;
    await rename(target, previous);
    try {
      await rename(dir, target);
    } catch (error) {
      await rename(previous, target);
      throw error;
    }
    await rm(previous, { recursive: true, force: true });
  };
  return { dir, commit, discard };
}
